import type { EntityManager } from 'typeorm';
import { MessageEventOutbox, MovedRecipient } from './message-event-outbox';

const moved = (i: number, campaign: string, old: string | null, status: string): MovedRecipient => ({
  id: `r${i}`, campaign_id: campaign, contact_id: `c${i}`, phone: `+1202555${String(i).padStart(4, '0')}`, old_status: old, status, message_id: `wamid.${i}`, error_code: null,
});

describe('MessageEventOutbox', () => {
  it('writes one event per campaign and type with up to 100 messages, for subscribed workspaces only, skipping non-moves', async () => {
    const workspaceOf: Record<string, string> = { a: 'ws-a', b: 'ws-b' };
    const queries = { execute: async (q: { campaignId: string }) => ({ workspaceId: workspaceOf[q.campaignId] }) };
    const outbox = new MessageEventOutbox(queries as never);
    const inserted: Array<{ type: string; aggregateId: string; payload: { messages: unknown[] } }> = [];
    const m = { insert: async (_e: unknown, rows: typeof inserted) => inserted.push(...rows) } as unknown as EntityManager;
    const rows = [
      ...Array.from({ length: 250 }, (_, i) => moved(i, 'a', 'sending', 'sent')),
      ...Array.from({ length: 3 }, (_, i) => moved(300 + i, 'a', 'sent', 'read')),
      moved(400, 'a', 'queued', 'pending'), // a retry: no event
      moved(401, 'a', 'read', 'read'), // no move
      moved(500, 'b', 'sending', 'failed'), // workspace without subscribers
    ];
    await outbox.record(m, rows, new Set(['ws-a']));
    expect(inserted.map((e) => [e.type, e.aggregateId, e.payload.messages.length])).toEqual([
      ['message.sent', 'a', 100],
      ['message.sent', 'a', 100],
      ['message.sent', 'a', 50],
      ['message.read', 'a', 3],
    ]);
  });
});
