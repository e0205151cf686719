import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A domain event written in the same transaction as the state change that caused it, so that an
 * event is never lost nor sent for a change that rolled back. The webhook relay delivers them.
 */
@Entity('outbox_events')
@Index(['publishedAt', 'seq'])
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Global order of recording: delivery per aggregate follows it. */
  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false })
  seq: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  type: string;

  @Column('uuid')
  aggregateId: string;

  @Column('jsonb')
  payload: Record<string, any>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;
}
