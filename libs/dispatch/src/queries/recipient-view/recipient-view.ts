import { PublicRecipientStatus, RecipientStatus, toPublicStatus } from '../../domain/recipient-status';

/** A recipient row as clients see it in the recipients list. */
export interface RecipientView {
  id: string;
  contact_id: string;
  phone_number: string;
  status: PublicRecipientStatus;
  message_id: string | null;
  error_code: string | null;
  error: string | null;
  variables: Record<string, string> | null;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  failed_at: string | null;
}

/** The bucket of failed/skipped recipients that carry no error code (a failure webhook without `errors`). */
export const UNKNOWN_ERROR_CODE = 'UNKNOWN';

/** The statuses whose rows carry an error that clients are shown: the errors summary and drill-down. */
export const PROBLEM_STATUSES: readonly PublicRecipientStatus[] = ['failed', 'skipped'];

/** Recipients no send was made for yet (`queued` includes a call in flight, which settles on its own). */
export const UNDISPATCHED_STATUSES: readonly PublicRecipientStatus[] = ['pending', 'queued'];

const INTERNAL: Record<PublicRecipientStatus, RecipientStatus[]> = {
  pending: [RecipientStatus.PENDING, RecipientStatus.WAITING],
  queued: [RecipientStatus.QUEUED, RecipientStatus.SENDING],
  sent: [RecipientStatus.SENT],
  delivered: [RecipientStatus.DELIVERED],
  read: [RecipientStatus.READ],
  failed: [RecipientStatus.FAILED],
  skipped: [RecipientStatus.SKIPPED],
};

/**
 * `status IN (…)` as SQL literals rather than a bound array: the statuses come from this closed list
 * (never from input), and literal values let the planner match partial indexes on status.
 */
export function statusInSql(statuses: readonly PublicRecipientStatus[]): string {
  if (!statuses.length) throw new Error('no recipient statuses');
  return `status IN (${internalStatuses(statuses).map((s) => `'${s}'`).join(', ')})`;
}

/** The stored statuses behind public ones (all of them when none are given), sorted. */
export function internalStatuses(statuses: readonly PublicRecipientStatus[] = []): RecipientStatus[] {
  const unknown = statuses.filter((s) => !Object.hasOwn(INTERNAL, s));
  if (unknown.length) throw new Error(`not recipient statuses: ${JSON.stringify(statuses)}`);
  return [...new Set(statuses.length ? statuses.flatMap((s) => INTERNAL[s]) : Object.values(RecipientStatus))].sort();
}

export interface RecipientRow {
  id: string;
  contact_id: string;
  phone: string;
  status: RecipientStatus;
  message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  variables: Record<string, string> | null;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  failed_at: string | null;
}

/** ISO-8601 UTC with milliseconds, as Date#toISOString writes it, formatted by Postgres: exports format a million rows. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

export const RECIPIENT_COLUMNS = `id, contact_id, phone, status, message_id, error_code, error_message, variables,
  ${['sent_at', 'delivered_at', 'read_at', 'failed_at'].map(iso).join(', ')}, created_at`;

export function toRecipientView(r: RecipientRow): RecipientView {
  return {
    id: r.id,
    contact_id: r.contact_id,
    phone_number: r.phone,
    status: toPublicStatus(r.status),
    message_id: r.message_id,
    error_code: r.error_code,
    error: r.error_message,
    variables: r.variables,
    sent_at: r.sent_at,
    delivered_at: r.delivered_at,
    read_at: r.read_at,
    failed_at: r.failed_at,
  };
}
