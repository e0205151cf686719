import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, World } from '../support/world';
import { byNewest, createCampaign, parseCsv, SeededRow, SeedRow, seedRecipients } from './helpers';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (min: number, sec = 0, ms = 0) => new Date(T0 + min * 60_000 + sec * 1000 + ms).toISOString();
const PAIR_RATE = '(#131056) (Business Account, Consumer Account) pair rate limit hit';
const TRICKY = 'Meta said: "slow down", then\r\nlater, again';
const RECIPIENT_KEYS = ['contact_id', 'delivered_at', 'error', 'error_code', 'failed_at', 'id', 'message_id', 'phone_number', 'read_at', 'sent_at', 'status', 'variables'];
const CSV_HEADER = ['id', 'contact_id', 'phone_number', 'status', 'message_id', 'error_code', 'error', 'variables', 'sent_at', 'delivered_at', 'read_at', 'failed_at'];

/**
 * 33 recipients in every status. The first 12 share one created_at (as rows materialised together do),
 * so keyset pages must break ties by id.
 */
function scenario(): SeedRow[] {
  const rows: Array<Omit<SeedRow, 'created_at'>> = [
    ...Array.from({ length: 3 }, () => ({ status: 'pending' as const })),
    ...Array.from({ length: 2 }, () => ({ status: 'queued' as const })),
    { status: 'sending' },
    ...[at(0, 10), at(0, 20), at(1, 5), at(2)].map((s) => ({ status: 'sent' as const, sent_at: s, variables: { '1': 'Ana', '2': 'ORD-1' } })),
    ...[0, 1, 2, 3, 4].map((i) => ({ status: 'delivered' as const, sent_at: at(0, 30 + i), delivered_at: at(1, i) })),
    ...[0, 1, 2, 3, 4, 5].map((i) => ({ status: 'read' as const, sent_at: at(1, 10 + i), delivered_at: at(2, i), read_at: at(5 + (i % 2), i) })),
    ...[0, 1, 2].map((i) => ({ status: 'failed' as const, error_code: '131056', error_message: PAIR_RATE, failed_at: at(3, i) })),
    // Accepted, then failed by a status webhook: it keeps its sent_at but no longer counts as sent.
    ...[0, 1].map((i) => ({ status: 'failed' as const, error_code: '131026', error_message: 'Message undeliverable', sent_at: at(0, 40 + i), failed_at: at(7, i) })),
    { status: 'failed', error_code: null, error_message: null, failed_at: at(8) },
    { status: 'failed', error_code: '999001', error_message: '(#999001) Brand new error', failed_at: at(9) },
    ...[0, 1, 2].map(() => ({ status: 'skipped' as const, error_code: 'OPTED_OUT', error_message: 'Contact opted out' })),
    { status: 'skipped', phone: 'not-a-phone', error_code: 'INVALID_PHONE', error_message: 'Not a valid E.164 number' },
    // The newest row: its message is the 131056 bucket's sample, and it needs CSV quoting.
    { status: 'failed', error_code: '131056', error_message: TRICKY, failed_at: at(3, 30), variables: { '1': 'Zoë, "Z"', '2': 'ORD-9' } },
  ];
  return rows.map((r, i) => ({ ...r, created_at: new Date(T0 + Math.max(0, i - 11)).toISOString() }));
}

describe('analytics endpoints (e2e, seeded recipients)', () => {
  let t: TestApp;
  let w: World;
  let campaignId: string;
  let seeded: SeededRow[];
  let readOnly: TestKey;
  let writeOnly: TestKey;
  let intruder: TestKey;
  const http = () => t.http().set(w.key.auth);

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    campaignId = await createCampaign(t, w);
    seeded = await seedRecipients(t, campaignId, scenario());
    readOnly = await createWorkspaceKey(t, ['campaigns:read'], w.key.workspaceId);
    writeOnly = await createWorkspaceKey(t, ['campaigns:write'], w.key.workspaceId);
    intruder = await createWorkspaceKey(t);
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  const expectedStats = { total: 33, pending: 6, sent: 15, delivered: 11, read: 6, failed: 8, skipped: 4 };

  describe('POST /campaigns/{id}/refresh-metrics', () => {
    it('recounts the rows, overwrites the counters and answers the campaign object', async () => {
      const db = t.app.get(DataSource);
      // Seeded rows published no deltas; make the counters wrong on purpose.
      await db.query(`INSERT INTO campaign_stats (campaign_id, total, sent, failed) VALUES ($1, 999, 5, 77)
                      ON CONFLICT (campaign_id) DO UPDATE SET total = 999, sent = 5, failed = 77`, [campaignId]);
      expect((await http().get(`${API}/campaigns/${campaignId}`).expect(200)).body.stats.total).toBe(999);

      const res = await t.http().post(`${API}/campaigns/${campaignId}/refresh-metrics`).set(writeOnly.auth).expect(200);
      expect(res.body).toMatchObject({ id: campaignId, name: 'analytics', status: 'DRAFT', template_id: w.templateId, stats: expectedStats });
      expect(res.body.stats).toEqual(expectedStats);
      expect(res.body.stats.total).toBe(res.body.stats.sent + res.body.stats.failed + res.body.stats.skipped + res.body.stats.pending);
      expect((await http().get(`${API}/campaigns/${campaignId}`).expect(200)).body.stats).toEqual(expectedStats);
      const [row] = await db.query(`SELECT total, sent, delivered, read, failed, pending, skipped FROM campaign_stats WHERE campaign_id = $1`, [campaignId]);
      expect(row).toEqual(expectedStats);
    });

    it('works for a campaign without recipients', async () => {
      const empty = await createCampaign(t, w, 'empty');
      const res = await http().post(`${API}/campaigns/${empty}/refresh-metrics`).expect(200);
      expect(res.body.stats).toEqual({ total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0 });
    });
  });

  describe('GET /campaigns/{id}/errors', () => {
    it('buckets failed recipients by code and skipped ones apart, most frequent first, explained by the catalog', async () => {
      const res = await t.http().get(`${API}/campaigns/${campaignId}/errors`).set(readOnly.auth).expect(200);
      expect(res.body).toEqual({
        total_failed: 8,
        by_code: [
          { code: '131056', title: 'Pair rate limit hit (too many messages to this number)', fix: expect.any(String), count: 4, sample_message: TRICKY },
          { code: '131026', title: 'Message undeliverable', fix: expect.any(String), count: 2, sample_message: 'Message undeliverable' },
          { code: '999001', title: '(#999001) Brand new error', fix: expect.stringContaining('Meta'), count: 1, sample_message: '(#999001) Brand new error' },
          { code: 'UNKNOWN', title: 'Failed without an error code', fix: expect.any(String), count: 1, sample_message: null },
        ],
        total_skipped: 4,
        skipped_by_code: [
          { code: 'OPTED_OUT', title: 'Contact opted out', fix: expect.any(String), count: 3, sample_message: 'Contact opted out' },
          { code: 'INVALID_PHONE', title: 'Invalid phone number', fix: expect.any(String), count: 1, sample_message: 'Not a valid E.164 number' },
        ],
      });
    });

    it('answers an empty summary for a campaign without errors', async () => {
      const clean = await createCampaign(t, w, 'clean');
      await seedRecipients(t, clean, [{ status: 'read', sent_at: at(0), delivered_at: at(0), read_at: at(0), created_at: at(0) }]);
      expect((await http().get(`${API}/campaigns/${clean}/errors`).expect(200)).body).toEqual({ total_failed: 0, by_code: [], total_skipped: 0, skipped_by_code: [] });
    });
  });

  describe('GET /campaigns/{id}/errors/{error_code}', () => {
    it('lists the recipients of one code, newest first, in the reference shape', async () => {
      const res = await t.http().get(`${API}/campaigns/${campaignId}/errors/131056`).set(readOnly.auth).expect(200);
      const expected = seeded.filter((r) => r.error_code === '131056').sort(byNewest);
      expect(res.body).toEqual({
        error_code: '131056',
        recipients: expected.map((r) => ({ id: r.id, phone_number: r.phone, contact_id: r.contact_id, status: 'failed', message_id: r.message_id, error: r.error_message })),
        next_cursor: null,
      });
    });

    it('honours limit (default 50, 1-200) and rejects anything else', async () => {
      const two = await http().get(`${API}/campaigns/${campaignId}/errors/131056`).query({ limit: 2 }).expect(200);
      expect(two.body.recipients.map((r: { id: string }) => r.id)).toEqual(seeded.filter((r) => r.error_code === '131056').sort(byNewest).slice(0, 2).map((r) => r.id));
      for (const limit of ['0', '201', 'abc', '-1', '1.5']) {
        const bad = await http().get(`${API}/campaigns/${campaignId}/errors/131056`).query({ limit }).expect(400);
        expect(bad.body.code).toBe('VALIDATION_FAILED');
      }
      await http().get(`${API}/campaigns/${campaignId}/errors/131056`).query({ limit: 200 }).expect(200);
      expect((await http().get(`${API}/campaigns/${campaignId}/errors/131056`).query({ cursor: 'x' }).expect(400)).body.code).toBe('INVALID_CURSOR');
    });

    it('covers skipped codes, the UNKNOWN bucket and codes nobody has', async () => {
      const opted = await http().get(`${API}/campaigns/${campaignId}/errors/OPTED_OUT`).expect(200);
      expect(opted.body.recipients).toHaveLength(3);
      expect(opted.body.recipients.every((r: { status: string; message_id: unknown }) => r.status === 'skipped' && r.message_id === null)).toBe(true);
      const unknown = await http().get(`${API}/campaigns/${campaignId}/errors/UNKNOWN`).expect(200);
      expect(unknown.body.recipients).toEqual([expect.objectContaining({ status: 'failed', error: null })]);
      expect((await http().get(`${API}/campaigns/${campaignId}/errors/470`).expect(200)).body).toEqual({ error_code: '470', recipients: [], next_cursor: null });
    });
  });

  describe('GET /campaigns/{id}/recipients', () => {
    const pageAll = async (query: Record<string, string | number>) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { data: Array<{ id: string }>; next_cursor: string | null } } = await http()
          .get(`${API}/campaigns/${campaignId}/recipients`)
          .query({ ...query, ...(cursor ? { cursor } : {}) })
          .expect(200);
        ids.push(...res.body.data.map((r) => r.id));
        cursor = res.body.next_cursor;
        pages++;
      } while (cursor && pages < 100);
      return { ids, pages };
    };

    it('answers the spec\'s recipient rows, newest first', async () => {
      const res = await t.http().get(`${API}/campaigns/${campaignId}/recipients`).set(readOnly.auth).expect(200);
      expect(res.body.next_cursor).toBeNull();
      expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([...seeded].sort(byNewest).map((r) => r.id));
      for (const r of res.body.data) expect(Object.keys(r).sort()).toEqual(RECIPIENT_KEYS);
      const sent = seeded.find((r) => r.status === 'sent')!;
      expect(res.body.data.find((r: { id: string }) => r.id === sent.id)).toEqual({
        id: sent.id, contact_id: sent.contact_id, phone_number: sent.phone, status: 'sent', message_id: sent.message_id, error_code: null, error: null,
        variables: { '1': 'Ana', '2': 'ORD-1' }, sent_at: sent.sent_at, delivered_at: null, read_at: null, failed_at: null,
      });
      // The internal in-flight status is shown as queued.
      expect(res.body.data.filter((r: { status: string }) => r.status === 'queued')).toHaveLength(3);
      expect(res.body.data.map((r: { status: string }) => r.status)).not.toContain('sending');
    });

    it('pages with a cursor without gaps or duplicates, ties on created_at included', async () => {
      const expected = [...seeded].sort(byNewest).map((r) => r.id);
      for (const limit of [1, 7, 11, 33]) {
        const { ids, pages } = await pageAll({ limit });
        expect(ids).toEqual(expected);
        expect(pages).toBe(Math.ceil(33 / limit));
      }
      const { ids } = await pageAll({ limit: 2, status: 'failed,skipped' });
      expect(ids).toEqual(seeded.filter((r) => ['failed', 'skipped'].includes(r.status)).sort(byNewest).map((r) => r.id));
    });

    it('filters by a comma list of public statuses; queued includes in-flight sends', async () => {
      const q = async (status: string) => (await http().get(`${API}/campaigns/${campaignId}/recipients`).query({ status, limit: 200 }).expect(200)).body.data;
      expect((await q('queued')).map((r: { id: string }) => r.id).sort()).toEqual(seeded.filter((r) => r.status === 'queued' || r.status === 'sending').map((r) => r.id).sort());
      expect(await q('pending,read')).toHaveLength(9);
      expect(await q(' Delivered , read ')).toHaveLength(11);
      expect((await q('skipped')).every((r: { status: string }) => r.status === 'skipped')).toBe(true);
    });

    it('rejects bad input with 400', async () => {
      const bad = async (query: Record<string, string>, code: string) =>
        expect((await http().get(`${API}/campaigns/${campaignId}/recipients`).query(query).expect(400)).body.code).toBe(code);
      await bad({ status: 'sending' }, 'VALIDATION_FAILED');
      await bad({ status: 'sent,bogus' }, 'VALIDATION_FAILED');
      await bad({ limit: '0' }, 'VALIDATION_FAILED');
      await bad({ limit: '201' }, 'VALIDATION_FAILED');
      await bad({ cursor: 'not-a-cursor' }, 'INVALID_CURSOR');
      await bad({ cursor: Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url') }, 'INVALID_CURSOR');
      await bad({ unknown: '1' }, 'VALIDATION_FAILED');
    });

    it('exports every matching row as CSV with Accept: text/csv', async () => {
      const res = await t.http().get(`${API}/campaigns/${campaignId}/recipients`).set(readOnly.auth).set('Accept', 'text/csv').query({ limit: 1 }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="campaign-${campaignId}-recipients.csv"`);
      const [header, ...rows] = parseCsv(res.text);
      expect(header).toEqual(CSV_HEADER);
      expect(rows.map((r) => r[0])).toEqual([...seeded].sort(byNewest).map((r) => r.id)); // no limit, same order
      const tricky = seeded.find((r) => r.error_message === TRICKY)!;
      const line = rows.find((r) => r[0] === tricky.id)!;
      expect(Object.fromEntries(CSV_HEADER.map((h, i) => [h, line[i]]))).toEqual({
        id: tricky.id, contact_id: tricky.contact_id, phone_number: tricky.phone, status: 'failed', message_id: tricky.message_id, error_code: '131056',
        error: TRICKY, variables: JSON.stringify({ '1': 'Zoë, "Z"', '2': 'ORD-9' }), sent_at: '', delivered_at: '', read_at: '', failed_at: tricky.failed_at,
      });
      const queued = seeded.find((r) => r.status === 'sending')!;
      expect(rows.find((r) => r[0] === queued.id)![3]).toBe('queued');
    });

    it('applies the status filter to the CSV, and answers just the header when nothing matches', async () => {
      const csv = async (status: string) =>
        parseCsv((await http().get(`${API}/campaigns/${campaignId}/recipients`).set('Accept', 'text/csv').query({ status }).expect(200)).text);
      const failed = await csv('failed');
      expect(failed.slice(1).map((r) => r[0]).sort()).toEqual(seeded.filter((r) => r.status === 'failed').map((r) => r.id).sort());
      // The export operation answers the same file without content negotiation; hostile filters are 400s.
      const exported = await http().get(`${API}/campaigns/${campaignId}/recipients/export`).query({ status: 'failed' }).expect(200);
      expect(exported.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(parseCsv(exported.text)).toEqual(failed);
      for (const status of ['bogus', 'a\u0000b', 'x'.repeat(10_000)]) {
        const res = await http().get(`${API}/campaigns/${campaignId}/recipients/export`).query({ status }).expect(400);
        expect(res.body.code).toMatch(/^(VALIDATION_FAILED|INVALID_CHARACTERS)$/);
      }
      const other = await createCampaign(t, w, 'no rows');
      const empty = await http().get(`${API}/campaigns/${other}/recipients`).set('Accept', 'text/csv').expect(200);
      expect(empty.text).toBe(`${CSV_HEADER.join(',')}\r\n`);
    });

    it('neutralises formula cells in the CSV (error texts, variables) while JSON keeps the raw text', async () => {
      const formula = '=HYPERLINK("http://attacker.example","click")';
      const other = await createCampaign(t, w, 'formulas');
      const [row] = await seedRecipients(t, other, [
        { status: 'failed', error_code: '131000', error_message: formula, variables: { '1': '@SUM(A1)' }, failed_at: at(1), created_at: at(1) },
      ]);
      const [header, line] = parseCsv((await http().get(`${API}/campaigns/${other}/recipients`).set('Accept', 'text/csv').expect(200)).text);
      const cells = Object.fromEntries(header.map((h, i) => [h, line[i]]));
      expect(cells).toMatchObject({ phone_number: row.phone, error: `'${formula}` });
      const json = (await http().get(`${API}/campaigns/${other}/recipients`).expect(200)).body.data[0];
      expect(json.error).toBe(formula);
    });

    it('keeps JSON for Accept: application/json and */*', async () => {
      for (const accept of ['application/json', '*/*', 'application/json, text/csv;q=0.5']) {
        const res = await http().get(`${API}/campaigns/${campaignId}/recipients`).set('Accept', accept).expect(200);
        expect(res.body.data).toHaveLength(33);
      }
    });

    it('streams exports bigger than one chunk completely, in order', async () => {
      const big = await createCampaign(t, w, 'big');
      const n = 12_345;
      await t.app.get(DataSource).query(
        `INSERT INTO campaign_recipients (id, campaign_id, contact_id, phone, status, created_at)
         SELECT gen_random_uuid(), $1, gen_random_uuid(), '+1404' || lpad(i::text, 7, '0'), CASE WHEN i % 3 = 0 THEN 'failed' ELSE 'pending' END,
                $2::timestamptz + (i / 1000) * interval '1 millisecond'
           FROM generate_series(1, $3::int) i`,
        [big, at(0), n],
      );
      const res = await http().get(`${API}/campaigns/${big}/recipients`).set('Accept', 'text/csv').expect(200);
      const rows = parseCsv(res.text).slice(1);
      expect(rows).toHaveLength(n);
      expect(new Set(rows.map((r) => r[0])).size).toBe(n);
      const [expectedIds] = [await t.app.get(DataSource).query(`SELECT id FROM campaign_recipients WHERE campaign_id = $1 ORDER BY seq DESC`, [big])];
      expect(rows.map((r) => r[0])).toEqual(expectedIds.map((r: { id: string }) => r.id));
      const failedOnly = parseCsv((await http().get(`${API}/campaigns/${big}/recipients`).set('Accept', 'text/csv').query({ status: 'failed' }).expect(200)).text);
      expect(failedOnly).toHaveLength(1 + Math.floor(n / 3));
    });
  });

  describe('GET /campaigns/{id}/timeline', () => {
    /** Oracle: each event counted in its bucket while the row's status still counts in that column. */
    const expectedSeries = (bucketMs: number) => {
      const series = new Map<number, { sent: number; delivered: number; read: number; failed: number; test: number; waiting: number }>();
      const add = (iso: string | null, k: 'sent' | 'delivered' | 'read' | 'failed', counts: boolean) => {
        if (!iso || !counts) return;
        const b = Math.floor(Date.parse(iso) / bucketMs) * bucketMs;
        const p = series.get(b) ?? { sent: 0, delivered: 0, read: 0, failed: 0, test: 0, waiting: 0 };
        p[k]++;
        series.set(b, p);
      };
      for (const r of seeded) {
        add(r.sent_at, 'sent', ['sent', 'delivered', 'read'].includes(r.status));
        add(r.delivered_at, 'delivered', ['delivered', 'read'].includes(r.status));
        add(r.read_at, 'read', r.status === 'read');
        add(r.failed_at, 'failed', r.status === 'failed');
      }
      return [...series.entries()].sort(([a], [b]) => a - b).map(([b, p]) => ({ at: new Date(b).toISOString(), ...p }));
    };

    it.each([
      ['1m', 60_000],
      ['5m', 300_000],
      ['15m', 900_000],
    ])('bins events per %s bucket', async (bucket, ms) => {
      const res = await t.http().get(`${API}/campaigns/${campaignId}/timeline`).set(readOnly.auth).query({ bucket }).expect(200);
      expect(res.body).toEqual({ bucket, series: expectedSeries(ms) });
    });

    it('adds up to the stats; 1h and 1d buckets align on UTC hours and days', async () => {
      const hour = await http().get(`${API}/campaigns/${campaignId}/timeline`).query({ bucket: '1h' }).expect(200);
      expect(hour.body).toEqual({ bucket: '1h', series: [{ at: '2026-03-01T10:00:00.000Z', sent: 15, delivered: 11, read: 6, failed: 8, test: 0, waiting: 0 }] });
      const day = await http().get(`${API}/campaigns/${campaignId}/timeline`).query({ bucket: '1d' }).expect(200);
      expect(day.body.series).toEqual([{ at: '2026-03-01T00:00:00.000Z', sent: 15, delivered: 11, read: 6, failed: 8, test: 0, waiting: 0 }]);
      const minute = await http().get(`${API}/campaigns/${campaignId}/timeline`).expect(200);
      expect(minute.body.bucket).toBe('1m');
      const sum = (k: string) => minute.body.series.reduce((n: number, p: Record<string, number>) => n + p[k], 0);
      expect({ sent: sum('sent'), delivered: sum('delivered'), read: sum('read'), failed: sum('failed') }).toEqual({ sent: 15, delivered: 11, read: 6, failed: 8 });
    });

    it('rejects unknown buckets', async () => {
      for (const bucket of ['2m', '1M', '60s', '']) {
        expect((await http().get(`${API}/campaigns/${campaignId}/timeline`).query({ bucket }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('auth and tenancy', () => {
    const endpoints = () => [
      { method: 'post' as const, path: `/campaigns/${campaignId}/refresh-metrics`, scope: 'campaigns:write' },
      { method: 'get' as const, path: `/campaigns/${campaignId}/errors`, scope: 'campaigns:read' },
      { method: 'get' as const, path: `/campaigns/${campaignId}/errors/131056`, scope: 'campaigns:read' },
      { method: 'get' as const, path: `/campaigns/${campaignId}/recipients`, scope: 'campaigns:read' },
      { method: 'get' as const, path: `/campaigns/${campaignId}/recipients/export`, scope: 'campaigns:read' },
      { method: 'get' as const, path: `/campaigns/${campaignId}/timeline`, scope: 'campaigns:read' },
    ];

    it('answers 401 without a valid key', async () => {
      for (const e of endpoints()) {
        await t.http()[e.method](`${API}${e.path}`).expect(401);
        await t.http()[e.method](`${API}${e.path}`).set('Authorization', 'Bearer nope').expect(401);
      }
    });

    it('answers 403 to a key without the scope', async () => {
      for (const e of endpoints()) {
        const key = e.scope === 'campaigns:read' ? writeOnly : readOnly;
        await t.http()[e.method](`${API}${e.path}`).set(key.auth).expect(403);
      }
    });

    it('answers 404 for another workspace\'s campaign and unknown and malformed ids', async () => {
      for (const e of endpoints()) {
        const res = await t.http()[e.method](`${API}${e.path}`).set(intruder.auth).set('Accept', 'text/csv');
        expect([res.status, res.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
        const unknown = await http()[e.method](`${API}${e.path.replace(campaignId, '00000000-0000-4000-8000-000000000000')}`);
        expect([unknown.status, unknown.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
        const malformed = await http()[e.method](`${API}${e.path.replace(campaignId, 'not-a-uuid')}`);
        expect([malformed.status, malformed.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
      }
      // The intruder's refresh left the owner's counters alone.
      const [row] = await t.app.get(DataSource).query(`SELECT total FROM campaign_stats WHERE campaign_id = $1`, [campaignId]);
      expect(row.total).toBe(33);
    });
  });

  it('documents every analytics endpoint in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const op = (path: string, method: string) => doc.paths[`/${API.slice(1)}${path}`]?.[method];
    for (const [path, method] of [
      ['/campaigns/{id}/refresh-metrics', 'post'],
      ['/campaigns/{id}/errors', 'get'],
      ['/campaigns/{id}/errors/{error_code}', 'get'],
      ['/campaigns/{id}/recipients', 'get'],
      ['/campaigns/{id}/recipients/export', 'get'],
      ['/campaigns/{id}/timeline', 'get'],
    ]) {
      expect(op(path, method)).toMatchObject({ tags: ['Analytics'], summary: expect.any(String) });
      expect(Object.keys(op(path, method).responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
    }
    // The JSON list and the CSV export are separate operations, so a generated client types each answer once.
    expect(Object.keys(op('/campaigns/{id}/recipients', 'get').responses['200'].content)).toEqual(['application/json']);
    expect(Object.keys(op('/campaigns/{id}/recipients/export', 'get').responses['200'].content)).toEqual(['text/csv']);
    expect(doc.components.schemas.CampaignResponseDto).toBeDefined();
  });
});
