import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { waitFor } from '../webhooks/webhook-receiver';
import { createGroup, createSource, phone } from './helpers';

describe('contact CSV imports (e2e)', () => {
  let t: TestApp;
  let k: TestKey;

  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    k = await createWorkspaceKey(t, ['*']);
  });
  afterAll(() => t.close());

  const upload = (csv: string | Buffer, query = '', key = k) =>
    t.http().post(`${API}/contacts/imports${query}`).set(key.auth).set('Content-Type', 'text/csv').send(Buffer.isBuffer(csv) ? csv : Buffer.from(csv));

  const finished = async (id: string, key = k) =>
    waitFor(async () => {
      const res = await t.http().get(`${API}/contacts/imports/${id}`).set(key.auth).expect(200);
      return ['completed', 'failed'].includes(res.body.status) && res.body;
    }, { what: `import ${id}`, timeoutMs: 60_000 });

  const contactByPhone = async (p: string) => (await t.http().get(`${API}/contacts?phone=${encodeURIComponent(p)}`).set(k.auth).expect(200)).body.data;

  it('imports the good rows, reports each bad one with its line, and a re-import duplicates nothing', async () => {
    const group = await createGroup(t, k, 'imported');
    const source = await createSource(t, k, 'spreadsheet');
    const [a, b, c] = [phone(), phone(), phone()];
    const csv = [
      'Phone,First_Name,last_name,email,plan,timezone,opted_out', // line 1
      `${a},Ada,Lovelace,ada@example.com,gold,Europe/London,`, // 2
      '+1415555,Bad,Phone,,,,', // 3: invalid phone
      `${b},"Multi`, // 4: a quoted cell spanning two lines...
      `line",,,silver,,no`, // 5 ...ends here
      `${c},Cy,,not-an-email,,,`, // 6: bad email
      `${a},Again,,,,,`, // 7: duplicate of line 2
      `${c.replace('+', '')},NoPlus,,,,,`, // 8: no international prefix
      `${phone()},Zed,,,,Mars/Olympus,`, // 9: bad timezone
      '',
      `${c},Cyrus,,,bronze,,yes`, // 11 (after an empty line)
    ].join('\n');
    const started = await upload(csv, `?group_ids=${group}&source_id=${source}&file_name=customers.csv`).expect(202);
    expect(started.body).toMatchObject({ status: 'queued', file_name: 'customers.csv', group_ids: [group], source_id: source, bytes: Buffer.byteLength(csv) });

    const done = await finished(started.body.id);
    expect(done).toMatchObject({ status: 'completed', rows_read: 8, created: 3, updated: 0, unchanged: 0, rejected: 5, progress_percent: 100, error: null });

    const errors = await t.http().get(`${API}/contacts/imports/${started.body.id}/errors`).set(k.auth).expect(200);
    expect(errors.body.data.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'INVALID_PHONE'],
      [6, 'VALIDATION_FAILED'],
      [7, 'DUPLICATE_PHONE'],
      [8, 'INVALID_PHONE'],
      [9, 'INVALID_TIMEZONE'],
    ]);
    expect(errors.body.data[2]).toMatchObject({ phone: a, message: expect.stringContaining('line 2') });

    const [ada] = await contactByPhone(a);
    expect(ada).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', source_id: source, group_ids: [group], opted_out: false });
    expect(ada.custom_fields).toEqual({ plan: 'gold', timezone: 'Europe/London' });
    const [multi] = await contactByPhone(b);
    expect(multi).toMatchObject({ first_name: 'Multi\nline', opted_out: false, custom_fields: { plan: 'silver' } });
    const [cyrus] = await contactByPhone(c);
    expect(cyrus).toMatchObject({ first_name: 'Cyrus', opted_out: true, custom_fields: { plan: 'bronze' } });

    // The same file again: nothing created, nothing rewritten, the same rows rejected.
    const again = await finished((await upload(csv, `?group_ids=${group}&source_id=${source}`).expect(202)).body.id);
    expect(again).toMatchObject({ status: 'completed', rows_read: 8, created: 0, updated: 0, unchanged: 3, rejected: 5 });
    expect(await contactByPhone(a)).toHaveLength(1);
    expect((await t.http().get(`${API}/groups/${group}`).set(k.auth).expect(200)).body.member_count).toBe(3);

    // A changed row updates; an empty cell keeps the stored value; custom fields merge; opted_out never reverts.
    const changed = await finished((await upload(`phone,first_name,last_name,plan,opted_out\n${a},Augusta,,platinum,no\n${c},,,,no\n`).expect(202)).body.id);
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect((await contactByPhone(a))[0]).toMatchObject({ first_name: 'Augusta', last_name: 'Lovelace', custom_fields: { plan: 'platinum', timezone: 'Europe/London' } });
    expect((await contactByPhone(c))[0].opted_out).toBe(true);
  });

  it('lists the errors as CSV and pages them with a cursor', async () => {
    const lines = ['phone', ...Array.from({ length: 5 }, (_, i) => `+1${i}`)];
    const id = (await upload(lines.join('\r\n')).expect(202)).body.id;
    expect(await finished(id)).toMatchObject({ status: 'completed', rows_read: 5, rejected: 5, created: 0 });
    const csv = await t.http().get(`${API}/contacts/imports/${id}/errors`).set(k.auth).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // A message starting with + would be a formula in a spreadsheet; the phone itself is a plain number.
    expect(csv.text.split('\r\n').slice(0, 2)).toEqual(['line,code,message,phone', "2,INVALID_PHONE,'+10 is not a phone number,+10"]);
    expect(csv.text.trim().split('\r\n')).toHaveLength(6);
    const first = await t.http().get(`${API}/contacts/imports/${id}/errors?limit=2`).set(k.auth).expect(200);
    expect(first.body.data.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    const second = await t.http().get(`${API}/contacts/imports/${id}/errors?limit=2&cursor=${first.body.next_cursor}`).set(k.auth).expect(200);
    expect(second.body.data.map((e: { line: number }) => e.line)).toEqual([4, 5]);
  });

  it('takes a multipart upload, an explicit mapping, and records contact_import.completed for webhooks', async () => {
    const p = phone();
    const res = await t
      .http()
      .post(`${API}/contacts/imports`)
      .query({ mapping: JSON.stringify({ Mobile: 'phone', Nick: 'custom_fields.nickname', Notes: null }) })
      .set(k.auth)
      .attach('file', Buffer.from(`Mobile,Nick,Notes\n${p},Bobby,ignore me\n`), { filename: 'people.csv', contentType: 'text/csv' })
      .expect(202);
    expect(res.body.file_name).toBe('people.csv');
    expect(await finished(res.body.id)).toMatchObject({ status: 'completed', created: 1 });
    expect((await contactByPhone(p))[0].custom_fields).toEqual({ nickname: 'Bobby' });
    const [event] = await t.app.get(DataSource).query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1`, [res.body.id]);
    expect(event).toMatchObject({ type: 'contact_import.completed', payload: { id: res.body.id, status: 'completed', created: 1 } });
    await t.http().post(`${API}/webhooks`).set(k.auth).send({ url: 'https://hooks.example.com/in', events: ['contact_import.completed', 'contact_import.failed'] }).expect(201);
  });

  it('fails an unreadable file as a whole, with contact_import.failed', async () => {
    const id = (await upload('first_name,email\nAda,ada@example.com\n').expect(202)).body.id;
    expect(await finished(id)).toMatchObject({ status: 'failed', created: 0, error: { code: 'INVALID_HEADER', message: expect.stringContaining('phone') } });
    const [event] = await t.app.get(DataSource).query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [id]);
    expect(event.type).toBe('contact_import.failed');
    const unterminated = (await upload(`phone,first_name\n${phone()},"never closed\n`).expect(202)).body.id;
    expect(await finished(unterminated)).toMatchObject({ status: 'failed', error: { code: 'MALFORMED_CSV' } });
  });

  it('refuses what it cannot import before storing anything', async () => {
    await upload('').expect(422).expect((r) => expect(r.body.code).toBe('INVALID_IMPORT'));
    await upload('phone\n+14155552671\n', '?mapping=%7Bnot-json').expect(422);
    const bad = await upload('phone\n', `?mapping=${encodeURIComponent(JSON.stringify({ Mobile: 'telephone' }))}`).expect(422);
    expect(bad.body.message).toContain('mapping["Mobile"]');
    await t.http().post(`${API}/contacts/imports`).set(k.auth).send({ phone: '+14155552671' }).expect(415);
    await upload('phone\n', '?group_ids=not-a-uuid').expect(400);
    await upload('phone\n', `?group_ids=${'3f1c9a70-6c55-4f3e-9e1f-0a4a1c1f2b7e'}`).expect(404).expect((r) => expect(r.body.code).toBe('GROUP_NOT_FOUND'));
    await upload('phone\n', '?file_name=a%00b').expect(400);
    await t.http().post(`${API}/contacts/imports`).set(k.auth).attach('other', Buffer.from('phone\n'), 'x.csv').expect(422);
    const cut = '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nphone\n+14155552671\n';
    const broken = await t.http().post(`${API}/contacts/imports`).set(k.auth).set('Content-Type', 'multipart/form-data; boundary=XYZ').send(cut).expect(400);
    expect(broken.body.code).toBe('MALFORMED_BODY');
    await t.http().post(`${API}/contacts/imports`).set(k.auth).set('Content-Type', 'multipart/form-data').send('x').expect(422);
  });

  it('rejects a NUL or a huge cell as a row error, and answers another workspace 404', async () => {
    const p = phone();
    const id = (await upload(Buffer.from(`phone,first_name,note\n${p},A\u0000da,x\n${phone()},${'x'.repeat(5000)},y\n${phone()},ok,${'z'.repeat(2000)}\n`)).expect(202)).body.id;
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'completed', created: 0, rejected: 3 });
    const codes = (await t.http().get(`${API}/contacts/imports/${id}/errors`).set(k.auth).expect(200)).body.data.map((e: { code: string }) => e.code);
    expect(codes).toEqual(['INVALID_CHARACTERS', 'VALIDATION_FAILED', 'INVALID_CUSTOM_FIELDS']);

    const other = await createWorkspaceKey(t, ['*']);
    await t.http().get(`${API}/contacts/imports/${id}`).set(other.auth).expect(404).expect((r) => expect(r.body.code).toBe('IMPORT_NOT_FOUND'));
    await t.http().get(`${API}/contacts/imports/${id}/errors`).set(other.auth).expect(404);
    await t.http().get(`${API}/contacts/imports/${id}/errors`).set(other.auth).set('Accept', 'text/csv').expect(404);
    expect((await t.http().get(`${API}/contacts/imports/not-a-uuid`).set(k.auth).expect(404)).body.code).toBe('IMPORT_NOT_FOUND');
    const readOnly = await createWorkspaceKey(t, ['contacts:read'], k.workspaceId);
    await upload('phone\n', '', readOnly).expect(403);
  });

  describe('with the limits lowered', () => {
    let small: TestApp;
    let sk: TestKey;
    beforeAll(async () => {
      small = await createTestApp({ workers: true, env: { CONTACT_IMPORT_MAX_BYTES: '4096', CONTACT_IMPORT_MAX_ROWS: '3' } });
      sk = await createWorkspaceKey(small, ['*']);
    });
    afterAll(() => small.close());

    it('answers 413 for a file over the byte limit, keeping nothing, and fails a file over the row limit as a whole', async () => {
      const big = `phone,note\n${Array.from({ length: 100 }, () => `${phone()},${'n'.repeat(60)}`).join('\n')}\n`;
      const tooBig = await small.http().post(`${API}/contacts/imports`).set(sk.auth).set('Content-Type', 'text/csv').send(big).expect(413);
      expect(tooBig.body).toMatchObject({ code: 'IMPORT_TOO_LARGE', details: { max_bytes: 4096 } });
      await small.http().post(`${API}/contacts/imports`).set(sk.auth).attach('file', Buffer.from(big), 'big.csv').expect(413);
      const [{ n }] = await small.app.get(DataSource).query(`SELECT count(*)::int AS n FROM contact_imports WHERE workspace_id = $1`, [sk.workspaceId]);
      expect(n).toBe(0);

      const four = `phone\n${[phone(), phone(), phone(), phone()].join('\n')}\n`;
      const id = (await small.http().post(`${API}/contacts/imports`).set(sk.auth).set('Content-Type', 'text/csv').send(four).expect(202)).body.id;
      const done = await waitFor(async () => {
        const res = await small.http().get(`${API}/contacts/imports/${id}`).set(sk.auth).expect(200);
        return res.body.status === 'failed' && res.body;
      }, { what: 'import failed' });
      expect(done).toMatchObject({ created: 0, error: { code: 'TOO_MANY_ROWS' } });
      expect((await small.http().get(`${API}/contacts`).set(sk.auth).expect(200)).body.data).toEqual([]);
    });
  });
});
