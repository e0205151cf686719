import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one endpoint. This row, not the queue job that triggers an attempt, is the truth about a
 * delivery: a lost job is recovered from it.
 */
@Entity('webhook_deliveries')
@Index(['endpointId', 'eventId'], { unique: true })
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') endpointId: string;
  /** The outbox event id: the body's `id` and the `webhook-id` header, the same on every attempt. */
  @Column('uuid') eventId: string;
  @Column('text') eventType: string;
  /** Outbox order; with `aggregateId` it orders the deliveries of one campaign to one endpoint. Null for test events. */
  @Column('bigint', { nullable: true }) eventSeq: string | null;
  @Column('uuid', { nullable: true }) aggregateId: string | null;
  /** The exact bytes sent and signed, fixed when the delivery is created. */
  @Column('text') body: string;
  @Column('text') status: DeliveryStatus;
  @Column('int') attempts: number;
  @Column('timestamptz') nextAttemptAt: Date;
  /** While in the future, one worker is attempting the delivery and no other may. */
  @Column('timestamptz', { nullable: true }) leaseUntil: Date | null;
  @Column('timestamptz', { nullable: true }) lastAttemptAt: Date | null;
  @Column('int', { nullable: true }) lastResponseStatus: number | null;
  @Column('int', { nullable: true }) lastLatencyMs: number | null;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('timestamptz', { nullable: true }) deliveredAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
