import { RecipientStatus } from '../../domain/recipient-status';
import type { StatusReport } from '../../database/recipient-ledger';

/** Meta's webhook envelope, reduced to what the engine reads. */
interface Envelope {
  entry?: Array<{
    id?: string;
    changes?: Array<{ field?: string; value?: Record<string, unknown> }>;
  }>;
}

export interface TemplateStatusUpdate {
  wabaId: string;
  metaTemplateId: string;
  name: string;
  language: string;
  event: string;
  reason: string | null;
}

export interface ParsedWebhook {
  phoneNumberIds: Set<string>;
  wabaIds: Set<string>;
  statuses: StatusReport[];
  templateUpdates: TemplateStatusUpdate[];
}

const STATUS: Record<string, StatusReport['status']> = {
  sent: RecipientStatus.SENT,
  delivered: RecipientStatus.DELIVERED,
  read: RecipientStatus.READ,
  failed: RecipientStatus.FAILED,
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Extracts statuses and template updates; anything else in the payload is ignored, never an error. */
export function parseWhatsAppWebhook(body: unknown): ParsedWebhook {
  const out: ParsedWebhook = { phoneNumberIds: new Set(), wabaIds: new Set(), statuses: [], templateUpdates: [] };
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
          reason: value.reason && value.reason !== 'NONE' ? str(value.reason) : null,
        });
        continue;
      }
      const phoneNumberId = str((value.metadata as Record<string, unknown> | undefined)?.phone_number_id);
      if (phoneNumberId) out.phoneNumberIds.add(phoneNumberId);
      for (const s of Array.isArray(value.statuses) ? (value.statuses as Array<Record<string, unknown>>) : []) {
        const status = STATUS[str(s.status)];
        const wamid = str(s.id);
        if (!status || !wamid) continue;
        const error = Array.isArray(s.errors) ? (s.errors[0] as Record<string, unknown> | undefined) : undefined;
        // A timestamp that is no date (or one past what a Date holds) would fail the whole status batch: use now.
        const at = new Date(Number(s.timestamp) * 1000);
        out.statuses.push({
          wamid,
          recipientId: str(s.biz_opaque_callback_data) || null,
          status,
          at: at.getTime() > 0 ? at : new Date(),
          code: error ? str(error.code) || null : null,
          message: error ? str((error.error_data as Record<string, unknown> | undefined)?.details) || str(error.message) || str(error.title) : null,
        });
      }
    }
  }
  return out;
}
