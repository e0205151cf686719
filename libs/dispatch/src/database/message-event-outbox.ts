import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { GetCampaignDispatchInfoQuery } from '@app/campaign';
import { recordOutboxEvents } from '@app/platform';
import { MESSAGE_EVENT_BATCH, MESSAGE_EVENTS } from '../domain/message-events';
import { MessageEventSubscribersQuery } from '../queries/message-event-subscribers/message-event-subscribers.query';
import { RecipientStatus } from '../domain/recipient-status';

/** A recipient row a ledger write just moved, with what a `message.*` event says about it. */
export interface MovedRecipient {
  id: string;
  campaign_id: string;
  contact_id: string;
  phone: string;
  old_status: string | null;
  status: string;
  message_id: string | null;
  error_code: string | null;
}

const EVENT_OF: Partial<Record<string, string>> = {
  [RecipientStatus.SENT]: MESSAGE_EVENTS.sent,
  [RecipientStatus.DELIVERED]: MESSAGE_EVENTS.delivered,
  [RecipientStatus.READ]: MESSAGE_EVENTS.read,
  [RecipientStatus.FAILED]: MESSAGE_EVENTS.failed,
};

/** Who subscribes is re-read this often: a new endpoint gets message events within about this long. */
const SUBSCRIBERS_TTL_MS = 2_000;

/**
 * Writes `message.*` events to the outbox in the ledger write's own transaction, for the workspaces that
 * subscribe to them only: one event per campaign, type and up to MESSAGE_EVENT_BATCH messages.
 */
@Injectable()
export class MessageEventOutbox {
  private readonly logger = new Logger(MessageEventOutbox.name);
  private subscribers: { at: number; ids: Promise<Set<string>> } | null = null;
  /** A campaign's workspace never changes. */
  private readonly workspaceOf = new Map<string, string | null>();

  constructor(private readonly queries: QueryBus) {}

  /** Whether any workspace subscribes: without one, ledger writes skip the transaction and the events. */
  async wanted(): Promise<Set<string>> {
    if (!this.subscribers || Date.now() - this.subscribers.at > SUBSCRIBERS_TTL_MS) {
      const ids = this.queries.execute(new MessageEventSubscribersQuery()).catch((e: Error) => {
        this.logger.warn(`message event subscribers unknown: ${e.message}`);
        return new Set<string>();
      });
      this.subscribers = { at: Date.now(), ids };
    }
    return this.subscribers.ids;
  }

  async record(m: EntityManager, moved: MovedRecipient[], subscribers: Set<string>): Promise<void> {
    const groups = new Map<string, { campaignId: string; type: string; rows: MovedRecipient[] }>();
    for (const r of moved) {
      const type = EVENT_OF[r.status];
      if (!type || r.old_status === r.status) continue;
      const key = `${r.campaign_id}|${type}`;
      const g = groups.get(key) ?? { campaignId: r.campaign_id, type, rows: [] };
      g.rows.push(r);
      groups.set(key, g);
    }
    const events = [];
    for (const g of groups.values()) {
      const workspaceId = await this.workspace(g.campaignId);
      if (!workspaceId || !subscribers.has(workspaceId)) continue;
      for (let i = 0; i < g.rows.length; i += MESSAGE_EVENT_BATCH) {
        events.push({
          workspaceId,
          type: g.type,
          aggregateId: g.campaignId,
          payload: {
            campaign_id: g.campaignId,
            messages: g.rows.slice(i, i + MESSAGE_EVENT_BATCH).map((r) => ({
              recipient_id: r.id, contact_id: r.contact_id, phone: r.phone, wamid: r.message_id, status: r.status, error_code: r.error_code,
            })),
          },
        });
      }
    }
    await recordOutboxEvents(m, events);
  }

  private async workspace(campaignId: string): Promise<string | null> {
    if (!this.workspaceOf.has(campaignId)) {
      const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(campaignId));
      this.workspaceOf.set(campaignId, info?.workspaceId ?? null);
    }
    return this.workspaceOf.get(campaignId)!;
  }
}
