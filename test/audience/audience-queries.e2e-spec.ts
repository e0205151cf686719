import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  AudienceFieldCoverageQuery, AudienceSpec, BuildAudienceSelectQuery, CheckAudienceRefsQuery, CountAudienceQuery, DescribeAudienceQuery,
  OptOutContactCommand, SampleAudienceQuery,
} from '@app/audience';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createContact, createGroup, createSource } from './helpers';

/** The queries other modules rely on, exercised through the buses as those modules do. */
describe('audience queries (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  let queries: QueryBus;
  let spec: AudienceSpec;
  let ids: string[];
  let g1: string, g2: string, s1: string, emptyGroup: string;
  const missing = '6f1d8a4e-8a3f-4b8e-9d7c-666666666666';

  beforeAll(async () => {
    t = await createTestApp();
    queries = t.app.get(QueryBus);
    k = await createWorkspaceKey(t);
    [g1, g2, s1, emptyGroup] = [await createGroup(t, k, 'one'), await createGroup(t, k, 'two'), await createSource(t, k, 'src'), await createGroup(t, k, 'empty')];
    // c0: g1+g2, c1: g1 + s1, c2: s1 only, c3: opted out in g2, c4: in nothing of the audience.
    const c0 = await createContact(t, k, { group_ids: [g1, g2], first_name: 'Zed', email: 'z@example.com', custom_fields: { order_id: 'A1', vip: true } });
    const c1 = await createContact(t, k, { group_ids: [g1], source_id: s1, first_name: '', custom_fields: { order_id: '' } });
    const c2 = await createContact(t, k, { source_id: s1, first_name: 'Amy', custom_fields: { order_id: null, vip: false } });
    const c3 = await createContact(t, k, { group_ids: [g2], first_name: 'Out', email: 'o@example.com', custom_fields: { order_id: 'X' } });
    await t.http().patch(`${API}/contacts/${c3.id}`).set(k.auth).send({ opted_out: true }).expect(200);
    await createContact(t, k, { first_name: 'Elsewhere' });
    ids = [c0.id, c1.id, c2.id, c3.id];
    // Distinct creation times, so "oldest first" does not hinge on two requests landing in the same ms.
    await t.app.get(DataSource).query(
      `UPDATE contacts SET created_at = now() - interval '1 minute' * (10 - array_position($1::uuid[], id)) WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    spec = { workspaceId: k.workspaceId, groupIds: [g1, g2], sourceIds: [s1] };
  });
  afterAll(() => t.close());

  it('CheckAudienceRefs lists the ids that are not the workspace\'s', async () => {
    const other = await createWorkspaceKey(t);
    const foreign = await createGroup(t, other);
    const r = await queries.execute(new CheckAudienceRefsQuery({ workspaceId: k.workspaceId, groupIds: [g1, foreign, 'junk'], sourceIds: [s1, missing] }));
    expect(r).toEqual({ missingGroups: [foreign, 'junk'], missingSources: [missing], missingSegments: [], missingContacts: [] });
    expect(await queries.execute(new CheckAudienceRefsQuery(spec))).toEqual({ missingGroups: [], missingSources: [], missingSegments: [], missingContacts: [] });
  });

  it('CountAudience de-duplicates overlapping groups and sources and counts opted-out apart', async () => {
    expect(await queries.execute(new CountAudienceQuery(spec))).toEqual({ total: 3, opted_out: 1 });
    expect(await queries.execute(new CountAudienceQuery({ ...spec, sourceIds: [] }))).toEqual({ total: 2, opted_out: 1 });
    expect(await queries.execute(new CountAudienceQuery({ ...spec, groupIds: [emptyGroup], sourceIds: [] }))).toEqual({ total: 0, opted_out: 0 });
    expect(await queries.execute(new CountAudienceQuery({ ...spec, groupIds: [], sourceIds: [] }))).toEqual({ total: 0, opted_out: 0 });
    // Another workspace naming these groups sees nothing.
    const other = await createWorkspaceKey(t);
    expect(await queries.execute(new CountAudienceQuery({ ...spec, workspaceId: other.workspaceId }))).toEqual({ total: 0, opted_out: 0 });
  });

  it('DescribeAudience gives one row per group and source in order, null for deleted ones', async () => {
    const rows = await queries.execute(new DescribeAudienceQuery({ ...spec, groupIds: [g2, missing, g1] }));
    expect(rows).toEqual([
      { type: 'group', id: g2, name: 'two', contact_count: 2 },
      { type: 'group', id: missing, name: null, contact_count: null },
      { type: 'group', id: g1, name: 'one', contact_count: 2 },
      { type: 'source', id: s1, name: 'src', contact_count: 2 },
    ]);
  });

  it('SampleAudience returns messageable contacts oldest first', async () => {
    const sample = await queries.execute(new SampleAudienceQuery(spec, 2));
    expect(sample.map((c) => c.id)).toEqual([ids[0], ids[1]]);
    expect(sample[0]).toEqual({
      id: ids[0],
      phone: expect.stringMatching(/^\+\d+$/),
      first_name: 'Zed',
      last_name: null,
      email: 'z@example.com',
      custom_fields: { order_id: 'A1', vip: true },
      source_id: null,
      opted_out: false,
      opt_out_scope: null,
    });
    expect((await queries.execute(new SampleAudienceQuery(spec, 10))).map((c) => c.id)).toEqual([ids[0], ids[1], ids[2]]);
  });

  it('AudienceFieldCoverage counts non-null, non-empty values among messageable contacts', async () => {
    const r = await queries.execute(
      new AudienceFieldCoverageQuery(spec, ['phone', 'first_name', 'last_name', 'email', 'custom_fields.order_id', 'custom_fields.vip', 'custom_fields.none']),
    );
    expect(r).toEqual({
      total_recipients: 3,
      coverage: {
        phone: { present: 3, missing: 0 },
        first_name: { present: 2, missing: 1 },
        last_name: { present: 0, missing: 3 },
        email: { present: 1, missing: 2 },
        'custom_fields.order_id': { present: 1, missing: 2 },
        'custom_fields.vip': { present: 2, missing: 1 },
        'custom_fields.none': { present: 0, missing: 3 },
      },
    });
    await expect(queries.execute(new AudienceFieldCoverageQuery(spec, ['first_name', 'nickname']))).rejects.toMatchObject({
      code: 'INVALID_FIELD',
      status: 400,
      details: { invalid: ['nickname'] },
    });
  });

  it('SampleAudience given a contact returns it only if it is a member of the audience, opted out or not', async () => {
    const [c] = await queries.execute(new SampleAudienceQuery(spec, 1, ids[2]));
    expect(c).toMatchObject({ id: ids[2], first_name: 'Amy', source_id: s1, custom_fields: { order_id: null, vip: false }, opted_out: false });
    expect((await queries.execute(new SampleAudienceQuery(spec, 1, ids[3])))[0]).toMatchObject({ id: ids[3], opted_out: true });
    expect(await queries.execute(new SampleAudienceQuery({ ...spec, groupIds: [emptyGroup], sourceIds: [] }, 1, ids[2]))).toEqual([]);
    const other = await createWorkspaceKey(t);
    expect(await queries.execute(new SampleAudienceQuery({ ...spec, workspaceId: other.workspaceId }, 1, ids[2]))).toEqual([]);
    expect(await queries.execute(new SampleAudienceQuery(spec, 1, missing))).toEqual([]);
  });

  it('BuildAudienceSelect embeds in INSERT … SELECT after the caller\'s own parameters', async () => {
    const db = t.app.get(DataSource);
    const { sql, params } = await queries.execute(new BuildAudienceSelectQuery(spec, 2));
    // A temp table lives on one connection: run both statements in one transaction.
    const rows = await db.transaction(async (m) => {
      await m.query(`CREATE TEMP TABLE aud_probe (run text, contact_id uuid, phone text, custom_fields jsonb, opted_out boolean) ON COMMIT DROP`);
      await m.query(
        `INSERT INTO aud_probe (run, contact_id, phone, custom_fields, opted_out) SELECT $1, a.contact_id, a.phone, a.custom_fields, a.opted_out FROM (${sql}) a`,
        ['r1', ...params],
      );
      return m.query(`SELECT run, contact_id, opted_out FROM aud_probe ORDER BY phone`);
    });
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r: { contact_id: string }) => r.contact_id))).toEqual(new Set(ids));
    expect(rows.filter((r: { opted_out: boolean }) => r.opted_out).map((r: { contact_id: string }) => r.contact_id)).toEqual([ids[3]]);
    expect(rows.every((r: { run: string }) => r.run === 'r1')).toBe(true);
  });

  it('OptOutContactCommand opts the contact out of everything (no-op for unknown or foreign ids)', async () => {
    const commands = t.app.get(CommandBus);
    const c = await createContact(t, k, { group_ids: [emptyGroup] });
    await commands.execute(new OptOutContactCommand(k.workspaceId, c.id, 'ALL'));
    expect((await t.http().get(`${API}/contacts/${c.id}`).set(k.auth).expect(200)).body.opted_out).toBe(true);
    expect(await queries.execute(new CountAudienceQuery({ ...spec, groupIds: [emptyGroup], sourceIds: [] }))).toEqual({ total: 0, opted_out: 1 });
    await commands.execute(new OptOutContactCommand(k.workspaceId, missing, 'ALL'));
    await commands.execute(new OptOutContactCommand(k.workspaceId, 'junk', 'ALL'));
    const other = await createWorkspaceKey(t);
    const theirs = await createContact(t, other);
    await commands.execute(new OptOutContactCommand(k.workspaceId, theirs.id, 'ALL'));
    expect((await t.http().get(`${API}/contacts/${theirs.id}`).set(other.auth).expect(200)).body.opted_out).toBe(false);
  });
});
