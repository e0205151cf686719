import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TemplateCategory, TemplateStatus } from '../queries/get-template/get-template.query';

@Entity('templates')
export class TemplateEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') workspaceId: string;
  @Column('text', { nullable: true }) metaTemplateId: string | null;
  @Column('text') name: string;
  @Column('text') language: string;
  @Column('text') category: TemplateCategory;
  @Column('text') status: TemplateStatus;
  /** Meta's reason for the last status change (e.g. a rejection), when it gave one. */
  @Column('text', { nullable: true }) statusReason: string | null;
  /** When the status was decided (Meta's event time, or a sync); null for templates registered by hand. */
  @Column({ type: 'timestamptz', nullable: true }) statusEventAt: Date | null;
  /** Meta's component array, as registered; variables are derived from it on read. */
  @Column('jsonb') components: Array<Record<string, any>>;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
