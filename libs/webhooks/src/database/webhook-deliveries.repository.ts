import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { eventBody, subscribes } from '../domain/webhook-events';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** Identifies one attempt's trigger: a queue job for (delivery, attempts made so far). */
export interface DeliveryRef {
  id: string;
  attempts: number;
  nextAttemptAt: Date;
}

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  aggregateId: string | null;
  body: string;
  /** Including the attempt being made. */
  attempts: number;
}

export interface AttemptResult {
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
}

interface OutboxRow {
  id: string;
  seq: string;
  workspace_id: string;
  type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Only one relay at a time, so deliveries of one campaign are created in outbox order across workers. */
const RELAY_LOCK = 0x7765626b; // 'webk'

/** "An earlier delivery of the same campaign to the same endpoint is still pending": this one must wait. */
const BLOCKED_BY_PREDECESSOR = `EXISTS (
  SELECT 1 FROM webhook_deliveries p
  WHERE p.endpoint_id = d.endpoint_id AND p.aggregate_id = d.aggregate_id
    AND p.event_seq < d.event_seq AND p.status = 'pending')`;

const toRef = (r: { id: string; attempts: number; next_attempt_at: Date }): DeliveryRef => ({
  id: r.id,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
});

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Moves one batch of unpublished outbox events into deliveries (one per subscribed, enabled endpoint of
   * the event's workspace) and marks the events published, atomically: an event is fanned out exactly once
   * even if the process dies mid-way. Returns the deliveries created, `more` when the batch was full.
   */
  async relayOutboxBatch(limit: number): Promise<{ created: DeliveryRef[]; more: boolean }> {
    return this.db.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELAY_LOCK]);
      if (!locked) return { created: [], more: false };
      const events: OutboxRow[] = await m.query(
        `SELECT id, seq, workspace_id, type, aggregate_id, payload, created_at FROM outbox_events
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!events.length) return { created: [], more: false };
      const endpoints = await m
        .getRepository(WebhookEndpointEntity)
        .createQueryBuilder('e')
        .select(['e.id', 'e.workspaceId', 'e.events'])
        .addSelect('e.disabledAt')
        .where('e.workspace_id = ANY(:ws)', { ws: [...new Set(events.map((e) => e.workspace_id))] })
        .getMany();
      const rows = events.flatMap((ev) =>
        endpoints
          .filter((ep) => ep.workspaceId === ev.workspace_id && subscribes(ep.events, ev.type))
          .map((ep) => ({
            // Missed while the endpoint is disabled: kept as failed, so it can be replayed once it is enabled.
            ...(ep.disabledAt && { status: 'failed' as const, lastError: 'endpoint disabled' }),
            id: randomUUID(),
            endpointId: ep.id,
            eventId: ev.id,
            eventType: ev.type,
            eventSeq: ev.seq,
            aggregateId: ev.aggregate_id,
            body: eventBody({ id: ev.id, type: ev.type, createdAt: ev.created_at, data: ev.payload }),
          })),
      );
      const created = rows.length ? await this.insertDeliveries(m, rows) : [];
      await m.query(`UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
      return { created, more: events.length === limit };
    });
  }

  async insertTestDelivery(endpointId: string, event: { id: string; type: string; body: string }): Promise<WebhookDeliveryEntity> {
    const [ref] = await this.insertDeliveries(this.db.manager, [
      { id: randomUUID(), endpointId, eventId: event.id, eventType: event.type, eventSeq: null, aggregateId: null, body: event.body },
    ]);
    return this.db.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: ref.id });
  }

  private async insertDeliveries(
    m: EntityManager,
    rows: Array<Pick<WebhookDeliveryEntity, 'id' | 'endpointId' | 'eventId' | 'eventType' | 'eventSeq' | 'aggregateId' | 'body'> & Partial<Pick<WebhookDeliveryEntity, 'status' | 'lastError'>>>,
  ): Promise<DeliveryRef[]> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(WebhookDeliveryEntity)
      .values(rows.map((r) => ({ status: 'pending' as const, ...r, attempts: 0, nextAttemptAt: () => 'now()' })))
      .orIgnore()
      .returning('id, status, attempts, next_attempt_at')
      .execute();
    // Only pending deliveries are attempted.
    return (res.raw as Array<{ id: string; status: string; attempts: number; next_attempt_at: Date }>).filter((r) => r.status === 'pending').map(toRef);
  }

  /**
   * Takes the right to make the next attempt: the delivery must be pending, due, not leased by another
   * worker and first in line for its campaign on its endpoint. One UPDATE, so two workers (or a duplicate
   * job) can never attempt the same delivery at once; the lease lets a crashed worker's attempt be retried.
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    const [rows] = await this.db.query(
      `UPDATE webhook_deliveries d
       SET attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2::double precision / 1000), last_attempt_at = now()
       WHERE d.id = $1 AND d.status = 'pending' AND d.next_attempt_at <= now()
         AND (d.lease_until IS NULL OR d.lease_until < now()) AND NOT ${BLOCKED_BY_PREDECESSOR}
       RETURNING d.id, d.endpoint_id, d.event_id, d.aggregate_id, d.body, d.attempts`,
      [id, leaseMs],
    );
    const r = rows[0];
    return r ? { id: r.id, endpointId: r.endpoint_id, eventId: r.event_id, aggregateId: r.aggregate_id, body: r.body, attempts: r.attempts } : null;
  }

  async markDelivered(id: string, result: AttemptResult): Promise<void> {
    await this.finish(this.db.manager, id, result, { status: 'delivered', deliveredAt: () => 'now()' });
  }

  async markFailed(id: string, result: AttemptResult): Promise<void> {
    await this.finish(this.db.manager, id, result, { status: 'failed' });
  }

  async scheduleRetry(id: string, delayMs: number, result: AttemptResult): Promise<DeliveryRef> {
    const [rows] = await this.db.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), lease_until = NULL,
         last_response_status = $3, last_latency_ms = $4, last_error = $5
       WHERE id = $1 RETURNING id, attempts, next_attempt_at`,
      [id, delayMs, result.responseStatus, result.latencyMs, result.error],
    );
    return toRef(rows[0]);
  }

  /** Whether the endpoint's last `n` settled deliveries that were attempted all failed (nothing delivered in between). */
  async lastAttemptedAllFailed(endpointId: string, n: number): Promise<boolean> {
    const rows: Array<{ status: string }> = await this.db.query(
      `SELECT status FROM webhook_deliveries WHERE endpoint_id = $1 AND status IN ('delivered', 'failed') AND attempts > 0
        ORDER BY last_attempt_at DESC LIMIT $2`,
      [endpointId, n],
    );
    return rows.length === n && rows.every((r) => r.status === 'failed');
  }

  /** The receiver said 410 Gone, or kept failing: the endpoint is disabled and none of its pending deliveries will be sent. */
  async disableEndpoint(endpointId: string, deliveryId: string, result: AttemptResult, reason: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.update(WebhookEndpointEntity, { id: endpointId, disabledAt: IsNull() }, { disabledAt: () => 'now()', disabledReason: reason });
      await this.finish(m, deliveryId, result, { status: 'failed' });
      await m.update(
        WebhookDeliveryEntity,
        { endpointId, status: 'pending' },
        { status: 'failed', leaseUntil: null, lastError: `endpoint disabled: ${reason}` },
      );
    });
  }

  private async finish(m: EntityManager, id: string, result: AttemptResult, change: QueryDeepPartialEntity<WebhookDeliveryEntity>) {
    await m.update(WebhookDeliveryEntity, { id }, {
      ...change,
      leaseUntil: null,
      lastResponseStatus: result.responseStatus,
      lastLatencyMs: result.latencyMs,
      lastError: result.error,
    });
  }

  /** A failed delivery of the endpoint back to pending, due now, with a fresh retry schedule; null if there is none. */
  async requeueFailed(endpointId: string, id: string): Promise<WebhookDeliveryEntity | null> {
    const [rows] = await this.db.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL
        WHERE id = $1 AND endpoint_id = $2 AND status = 'failed' RETURNING id`,
      [id, endpointId],
    );
    return rows.length ? this.findForEndpoint(endpointId, id) : null;
  }

  findForEndpoint(endpointId: string, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.db.getRepository(WebhookDeliveryEntity).findOneBy({ id, endpointId });
  }

  /** The delivery that may go now that the one before it for this campaign and endpoint is settled. */
  async nextInLine(endpointId: string, aggregateId: string): Promise<DeliveryRef | null> {
    const rows = await this.db.query(
      `SELECT id, attempts, next_attempt_at FROM webhook_deliveries
       WHERE endpoint_id = $1 AND aggregate_id = $2 AND status = 'pending' ORDER BY event_seq LIMIT 1`,
      [endpointId, aggregateId],
    );
    return rows[0] ? toRef(rows[0]) : null;
  }

  /** Deliveries an attempt could claim right now: what the sweep re-triggers in case their job was lost. */
  async findClaimable(limit: number): Promise<DeliveryRef[]> {
    const rows = await this.db.query(
      `SELECT d.id, d.attempts, d.next_attempt_at FROM webhook_deliveries d
       WHERE d.status = 'pending' AND d.next_attempt_at <= now()
         AND (d.lease_until IS NULL OR d.lease_until < now()) AND NOT ${BLOCKED_BY_PREDECESSOR}
       ORDER BY d.next_attempt_at LIMIT $1`,
      [limit],
    );
    return rows.map(toRef);
  }

  listForEndpoint(endpointId: string, page: PageRequest): Promise<RowsPage<WebhookDeliveryEntity>> {
    return keysetPage(this.db.getRepository(WebhookDeliveryEntity).createQueryBuilder('d').where('d.endpoint_id = :endpointId', { endpointId }), page);
  }
}
