import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, ORDER_MAPPING, World } from '../support/world';
import { byNewest, SeededRow, SeedRow, seedRecipients } from './helpers';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** Failed, skipped (known codes and one the catalog may not know yet), sent and never-dispatched rows. */
function scenario(): SeedRow[] {
  const rows: Array<Omit<SeedRow, 'created_at'>> = [
    ...[0, 1, 2].map((i) => ({ status: 'failed' as const, error_code: '131056', error_message: 'pair rate', failed_at: at(i) })),
    ...[0, 1].map((i) => ({ status: 'failed' as const, error_code: '131026', error_message: 'Message undeliverable', failed_at: at(10 + i) })),
    // A code recorded both as a failure and as a skip lands in each list with its own count.
    { status: 'failed', error_code: 'OPTED_OUT', error_message: 'Contact opted out', failed_at: at(20) },
    ...[0, 1].map(() => ({ status: 'skipped' as const, error_code: 'OPTED_OUT', error_message: 'Contact opted out' })),
    { status: 'skipped', error_code: 'INVALID_PHONE', error_message: 'Not a valid E.164 number' },
    { status: 'skipped', error_code: 'REMOVED_FROM_AUDIENCE', error_message: 'No longer in the audience' },
    { status: 'sent', sent_at: at(30) },
    ...[0, 1, 2, 3].map(() => ({ status: 'pending' as const })),
    { status: 'queued' },
  ];
  return rows.map((r, i) => ({ ...r, created_at: new Date(T0 + i).toISOString() }));
}

type Bucket = { code: string; title: string; fix: string; count: number; sample_message: string | null };
const sum = (buckets: Bucket[]) => buckets.reduce((n, b) => n + b.count, 0);

describe('errors summary and drill-down (e2e)', () => {
  let t: TestApp;
  let w: World;
  let intruder: TestKey;
  const http = () => t.http().set(w.key.auth);

  /** A campaign with the scenario's rows, stopped (from SCHEDULED) when asked. */
  async function campaign(stop: boolean): Promise<{ id: string; rows: SeededRow[] }> {
    const scheduled_at = new Date(Date.now() + 3_600_000).toISOString();
    const c = await http().post(`${API}/campaigns`).send({ name: 'errors', template_id: w.templateId, variable_mapping: ORDER_MAPPING, scheduled_at }).expect(201);
    const rows = await seedRecipients(t, c.body.id, scenario());
    if (stop) await http().post(`${API}/campaigns/${c.body.id}/stop`).expect(200);
    return { id: c.body.id, rows };
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    intruder = await createWorkspaceKey(t);
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('by_code holds failures only and adds up to total_failed; skipped reasons are listed apart', async () => {
    const { id } = await campaign(false);
    const res = await http().get(`${API}/campaigns/${id}/errors`).expect(200);
    expect(res.body).toEqual({
      total_failed: 6,
      by_code: [
        { code: '131056', title: expect.any(String), fix: expect.any(String), count: 3, sample_message: 'pair rate' },
        { code: '131026', title: 'Message undeliverable', fix: expect.any(String), count: 2, sample_message: 'Message undeliverable' },
        { code: 'OPTED_OUT', title: 'Contact opted out', fix: expect.any(String), count: 1, sample_message: 'Contact opted out' },
      ],
      total_skipped: 4,
      skipped_by_code: [
        { code: 'OPTED_OUT', title: 'Contact opted out', fix: expect.any(String), count: 2, sample_message: 'Contact opted out' },
        { code: 'INVALID_PHONE', title: 'Invalid phone number', fix: expect.any(String), count: 1, sample_message: 'Not a valid E.164 number' },
        { code: 'REMOVED_FROM_AUDIENCE', title: expect.any(String), fix: expect.any(String), count: 1, sample_message: 'No longer in the audience' },
      ],
    });
    expect(sum(res.body.by_code)).toBe(res.body.total_failed);
    expect(sum(res.body.skipped_by_code)).toBe(res.body.total_skipped);
    // Not stopped: the pending rows are still to be sent, so they are nobody's problem yet.
    expect((await http().get(`${API}/campaigns/${id}/errors/CAMPAIGN_STOPPED`).expect(200)).body).toEqual({ error_code: 'CAMPAIGN_STOPPED', recipients: [], next_cursor: null });
  });

  it('after stop, the recipients never dispatched are a CAMPAIGN_STOPPED bucket, listed by its drill-down', async () => {
    const { id, rows } = await campaign(true);
    const res = await http().get(`${API}/campaigns/${id}/errors`).expect(200);
    expect(res.body.total_failed).toBe(6);
    expect(sum(res.body.by_code)).toBe(6);
    expect(res.body.skipped_by_code[0]).toEqual({
      code: 'CAMPAIGN_STOPPED',
      title: 'Campaign stopped before this recipient was sent',
      fix: expect.stringContaining('new campaign'),
      count: 5,
      sample_message: expect.any(String),
    });
    expect(res.body.total_skipped).toBe(9);
    expect(sum(res.body.skipped_by_code)).toBe(9);

    const drill = await http().get(`${API}/campaigns/${id}/errors/CAMPAIGN_STOPPED`).expect(200);
    const expected = rows.filter((r) => r.status === 'pending' || r.status === 'queued').sort(byNewest);
    expect(drill.body).toEqual({
      error_code: 'CAMPAIGN_STOPPED',
      recipients: expected.map((r) => ({ id: r.id, phone_number: r.phone, contact_id: r.contact_id, status: r.status, message_id: null, error: res.body.skipped_by_code[0].sample_message })),
      next_cursor: null,
    });
  });

  it('the drill-down pages with next_cursor, at most 200 per call', async () => {
    const { id, rows } = await campaign(true);
    const all = rows.filter((r) => r.error_code === '131056').sort(byNewest).map((r) => r.id);
    const first = await http().get(`${API}/campaigns/${id}/errors/131056`).query({ limit: 2 }).expect(200);
    expect(first.body.recipients.map((r: { id: string }) => r.id)).toEqual(all.slice(0, 2));
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await http().get(`${API}/campaigns/${id}/errors/131056`).query({ limit: 2, cursor: first.body.next_cursor }).expect(200);
    expect(second.body).toMatchObject({ recipients: [expect.objectContaining({ id: all[2] })], next_cursor: null });

    const stopped = await http().get(`${API}/campaigns/${id}/errors/CAMPAIGN_STOPPED`).query({ limit: 3 }).expect(200);
    const rest = await http().get(`${API}/campaigns/${id}/errors/CAMPAIGN_STOPPED`).query({ limit: 3, cursor: stopped.body.next_cursor }).expect(200);
    expect([...stopped.body.recipients, ...rest.body.recipients]).toHaveLength(5);
    expect(rest.body.next_cursor).toBeNull();

    expect((await http().get(`${API}/campaigns/${id}/errors/131056`).query({ limit: 201 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await http().get(`${API}/campaigns/${id}/errors/131056`).query({ cursor: 'not-ours' }).expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await http().get(`${API}/campaigns/${id}/errors/131056`).query({ cursor: 'x'.repeat(10_000) }).expect(400)).body.code).toBe('INVALID_CURSOR');
  });

  it('another workspace gets 404 for the summary and every drill-down', async () => {
    const { id } = await campaign(true);
    for (const path of ['errors', 'errors/CAMPAIGN_STOPPED', 'errors/131056']) {
      expect((await t.http().set(intruder.auth).get(`${API}/campaigns/${id}/${path}`).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    }
  });
});
