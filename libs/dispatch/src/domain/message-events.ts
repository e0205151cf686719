/**
 * Per-message outbound events. An endpoint receives them only if it names them (`*` does not include
 * them: a busy campaign makes thousands a second), batched up to MESSAGE_EVENT_BATCH messages an event.
 */
export const MESSAGE_EVENTS = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  read: 'message.read',
  failed: 'message.failed',
} as const;

export const MESSAGE_EVENT_TYPES: readonly string[] = Object.values(MESSAGE_EVENTS);

export const MESSAGE_EVENT_BATCH = 100;
