import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CampaignStatus } from '../domain/campaign-status';
import type { SendWindow } from '../domain/send-window';

@Entity('campaigns')
@Index(['workspaceId', 'createdAt'])
export class CampaignEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') workspaceId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') status: CampaignStatus;
  @Column('uuid') templateId: string;
  @Column('uuid', { nullable: true }) channelId: string | null;
  @Column('jsonb', { nullable: true }) variableMapping: Record<string, any> | null;
  @Column('int') batchSize: number;
  @Column('int') batchDelayMs: number;
  /** The failure guard's threshold, a fraction of attempted sends; null: no guard. */
  @Column('double precision', { nullable: true }) maxFailureRate: number | null;
  @Column('jsonb', { nullable: true }) sendWindow: SendWindow | null;
  @Column({ type: 'uuid', array: true }) audienceGroups: string[];
  @Column({ type: 'uuid', array: true }) audienceSources: string[];
  @Column({ type: 'uuid', array: true }) audienceSegments: string[];
  @Column({ type: 'uuid', array: true }) audienceContacts: string[];
  @Column('timestamptz', { nullable: true }) scheduledAt: Date | null;
  @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Column('text', { nullable: true }) pauseReason: string | null;
  @Column('text', { nullable: true }) failureReason: string | null;
  @Column('int') totalRecipients: number;
  /** Optimistic concurrency: every save checks and bumps it, so a lost race is detected, not overwritten. */
  @Column('int') version: number;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
