import { RecipientStatus } from '../../domain/recipient-status';
import type { StatusReport } from '../../database/recipient-ledger';

/** Meta's webhook envelope, reduced to what the engine reads. */
interface Envelope {
  entry?: Array<{
    id?: string;
    time?: number;
    changes?: Array<{ field?: string; value?: Record<string, unknown> }>;
  }>;
}

export interface TemplateStatusUpdate {
  wabaId: string;
  metaTemplateId: string;
  name: string;
  language: string;
  event: string;
  /** As Meta sent it ("NONE" included): Catalog, which stores the reason, decides what means none. */
  reason: string | null;
  /** When Meta says the change happened (the entry's `time`); now when it gives none. */
  at: Date;
}

/** A status as Meta reported it, with the phone number it names: it applies only to that channel's sends. */
export type InboundStatus = Omit<StatusReport, 'channelId'> & { phoneNumberId: string };

/** A user's message to one of the business's numbers: its text (a typed text, or a quick-reply button's text). */
export interface InboundReply {
  phoneNumberId: string;
  /** The sender, E.164. */
  from: string;
  text: string;
  at: Date;
}

export interface ParsedWebhook {
  phoneNumberIds: Set<string>;
  wabaIds: Set<string>;
  statuses: InboundStatus[];
  templateUpdates: TemplateStatusUpdate[];
  replies: InboundReply[];
}

const STATUS: Record<string, StatusReport['status']> = {
  sent: RecipientStatus.SENT,
  delivered: RecipientStatus.DELIVERED,
  read: RecipientStatus.READ,
  failed: RecipientStatus.FAILED,
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A Unix time in seconds as a Date; now for anything that is no date (one bad value must not fail a batch). */
function instant(seconds: unknown): Date {
  const at = new Date(Number(seconds) * 1000);
  return at.getTime() > 0 ? at : new Date();
}

/** The text a user sent: a text message's body, a template quick-reply's text, or an interactive button's title. */
function replyText(m: Record<string, any>): string {
  switch (m.type) {
    case 'text':
      return str(m.text?.body);
    case 'button':
      return str(m.button?.text);
    case 'interactive':
      return str(m.interactive?.button_reply?.title);
    default:
      return '';
  }
}

/** Extracts statuses, replies and template updates; anything else in the payload is ignored, never an error. */
export function parseWhatsAppWebhook(body: unknown): ParsedWebhook {
  const out: ParsedWebhook = { phoneNumberIds: new Set(), wabaIds: new Set(), statuses: [], templateUpdates: [], replies: [] };
  const entries = Array.isArray((body as Envelope)?.entry) ? (body as Envelope).entry! : [];
  for (const entry of entries) {
    const wabaId = str(entry?.id);
    for (const change of Array.isArray(entry?.changes) ? entry.changes : []) {
      const value = change?.value ?? {};
      if (change?.field === 'message_template_status_update') {
        if (wabaId) out.wabaIds.add(wabaId);
        out.templateUpdates.push({
          wabaId,
          metaTemplateId: str(value.message_template_id),
          name: str(value.message_template_name),
          language: str(value.message_template_language),
          event: str(value.event).toUpperCase(),
          reason: value.reason ? str(value.reason) : null,
          at: instant(entry?.time),
        });
        continue;
      }
      const phoneNumberId = str((value.metadata as Record<string, unknown> | undefined)?.phone_number_id);
      if (phoneNumberId) out.phoneNumberIds.add(phoneNumberId);
      for (const m of Array.isArray(value.messages) ? (value.messages as Array<Record<string, any>>) : []) {
        const from = str(m?.from);
        const text = m && typeof m === 'object' ? replyText(m) : '';
        // Opt-out keywords are short: a long text is a conversation, not a keyword, and is not kept.
        if (!/^[0-9]{7,15}$/.test(from) || !text || text.length > 100) continue;
        out.replies.push({ phoneNumberId, from: `+${from}`, text, at: instant(m.timestamp) });
      }
      for (const s of Array.isArray(value.statuses) ? (value.statuses as Array<Record<string, unknown>>) : []) {
        const status = STATUS[str(s.status)];
        const wamid = str(s.id);
        if (!status || !wamid) continue;
        const error = Array.isArray(s.errors) ? (s.errors[0] as Record<string, unknown> | undefined) : undefined;
        out.statuses.push({
          phoneNumberId,
          wamid,
          recipientId: str(s.biz_opaque_callback_data) || null,
          status,
          at: instant(s.timestamp),
          code: error ? str(error.code) || null : null,
          message: error ? str((error.error_data as Record<string, unknown> | undefined)?.details) || str(error.message) || str(error.title) : null,
        });
      }
    }
  }
  return out;
}
