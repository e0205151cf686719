import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface OutboxMessage {
  workspaceId: string;
  type: string;
  aggregateId: string;
  payload: Record<string, any>;
}

/** Records events through the caller's transaction manager: they commit or roll back with the change. */
export async function recordOutboxEvents(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
  if (!messages.length) return;
  await manager.insert(
    OutboxEventEntity,
    messages.map((m) => ({ id: randomUUID(), ...m, publishedAt: null })),
  );
}
