import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API, TestApp } from '../support/app';
import { ORDER_MAPPING, World } from '../support/world';

export interface SeedRow {
  status: 'pending' | 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'skipped';
  phone?: string;
  contact_id?: string;
  message_id?: string | null;
  error_code?: string | null;
  error_message?: string | null;
  variables?: Record<string, string> | null;
  sent_at?: string | null;
  delivered_at?: string | null;
  read_at?: string | null;
  failed_at?: string | null;
  created_at: string;
}

export interface SeededRow extends Required<Omit<SeedRow, 'phone' | 'contact_id'>> {
  id: string;
  /** Insertion order: rows get ascending `seq` in it, which is the order lists and exports follow. */
  position: number;
  phone: string;
  contact_id: string;
}

/** A DRAFT campaign of the world's workspace, created over HTTP (recipients are then seeded with SQL). */
export async function createCampaign(t: TestApp, w: World, name = 'analytics'): Promise<string> {
  const res = await t.http().set(w.key.auth).post(`${API}/campaigns`).send({ name, template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201);
  return res.body.id;
}

let phoneSeq = 0;

/** Inserts recipient rows as dispatch would have left them; fills ids, phones and message ids. */
export async function seedRecipients(t: TestApp, campaignId: string, rows: SeedRow[]): Promise<SeededRow[]> {
  const full: SeededRow[] = rows.map((r, position) => ({
    id: randomUUID(),
    position,
    contact_id: r.contact_id ?? randomUUID(),
    phone: r.phone ?? `+1303555${String(++phoneSeq).padStart(4, '0')}`,
    message_id: r.message_id ?? (['pending', 'queued', 'skipped'].includes(r.status) ? null : `wamid.${randomUUID()}`),
    error_code: r.error_code ?? null,
    error_message: r.error_message ?? null,
    variables: r.variables ?? null,
    sent_at: r.sent_at ?? null,
    delivered_at: r.delivered_at ?? null,
    read_at: r.read_at ?? null,
    failed_at: r.failed_at ?? null,
    status: r.status,
    created_at: r.created_at,
  }));
  await t.app.get(DataSource).query(
    `INSERT INTO campaign_recipients (id, campaign_id, contact_id, phone, status, message_id, error_code, error_message, variables,
                                      sent_at, delivered_at, read_at, failed_at, created_at)
     SELECT r.id, $2, r.contact_id, r.phone, r.status, r.message_id, r.error_code, r.error_message, r.variables,
            r.sent_at, r.delivered_at, r.read_at, r.failed_at, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, contact_id uuid, phone text, status text, message_id text, error_code text,
            error_message text, variables jsonb, sent_at timestamptz, delivered_at timestamptz, read_at timestamptz, failed_at timestamptz,
            created_at timestamptz, position int)
      ORDER BY r.position`,
    [JSON.stringify(full), campaignId],
  );
  return full;
}

/** Newest first, as every list is ordered (uuid order is the order of their lowercase hex text). */
/** Newest first: the reverse of insertion (`seq`) order. */
export const byNewest = (a: { position: number }, b: { position: number }) => b.position - a.position;

/** RFC 4180 parser for a whole document (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"' && field === '') (quoted = true), i++;
    else if (ch === ',') row.push(field), (field = ''), i++;
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += ch), i++;
  }
  if (field !== '' || row.length) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return rows;
}
