import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('webhook_endpoints')
@Index(['workspaceId', 'createdAt'])
export class WebhookEndpointEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') workspaceId: string;
  @Column('text') url: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Event names, or `['*']`. */
  @Column('text', { array: true }) events: string[];
  /** The signing secret, sealed by SecretBox: it is shown once and needed in clear to sign. */
  @Column('text') secretSealed: string;
  /** Set when the receiver answered 410 Gone: nothing more is sent to it. */
  @Column('timestamptz', { nullable: true }) disabledAt: Date | null;
  @Column('text', { nullable: true }) disabledReason: string | null;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
