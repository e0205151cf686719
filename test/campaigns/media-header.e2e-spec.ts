import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_TEMPLATE, WABA_ID, World } from '../support/world';

const INVOICE = {
  name: 'invoice_ready',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'DOCUMENT' },
    { type: 'BODY', text: 'Hi {{1}}, your invoice is attached.' },
  ],
};
const PROMO = {
  name: 'spring_promo',
  language: 'en_US',
  category: 'MARKETING',
  components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Spring is here!' }],
};
const BANNER = 'https://cdn.example.com/spring.png';
const body = { '1': { field: 'first_name', fallback: 'there' } };

describe('templates with a media header (e2e)', () => {
  let t: TestApp;
  let w: World;
  const templates: Record<string, string> = {};
  const http = () => t.http().set(w.key.auth);
  const create = (name: string, mapping: unknown, extra: Record<string, unknown> = {}) =>
    http().post(`${API}/campaigns`).send({ name: 'media', template_id: templates[name], variable_mapping: mapping, audience: { groups: [w.groupId] }, ...extra });

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, {
      contacts: 4,
      // Two of the four contacts have no invoice: per-recipient media they lack is a missing variable.
      contactFields: (i) => ({ custom_fields: { order_id: `ORD-${i}`, ...(i % 2 === 0 ? { invoice_url: `https://files.example.com/inv-${i}.pdf` } : {}) } }),
      sandbox: { templates: [ORDER_TEMPLATE, INVOICE, PROMO].map((x) => ({ ...x, status: 'APPROVED', waba_id: WABA_ID })) },
    });
    for (const tpl of [INVOICE, PROMO]) {
      const metaId = [...w.sandbox.state.templates.values()].find((x) => x.name === tpl.name)!.id;
      templates[tpl.name] = (await http().post(`${API}/templates`).send({ ...tpl, meta_template_id: metaId }).expect(201)).body.id;
    }
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  describe('validation at create, PATCH and send', () => {
    it('422 listing the header when a media template has no header mapping', async () => {
      const none = await create('spring_promo', undefined).expect(422);
      expect(none.body).toMatchObject({ code: 'INVALID_VARIABLE_MAPPING', details: [{ path: 'header.media', message: expect.stringContaining('IMAGE') }] });
      const bodyOnly = await create('invoice_ready', { body }).expect(422);
      expect(bodyOnly.body.details).toEqual([{ path: 'header.media', message: expect.stringContaining('DOCUMENT') }]);
    });

    it.each([
      ['a plain http link', { media: { link: 'http://cdn.example.com/a.png' } }, 'header.media.link'],
      ['a link that is not a URL', { media: { link: 'not a url' } }, 'header.media.link'],
      ['a huge link', { media: { link: `https://cdn.example.com/${'a'.repeat(3000)}` } }, 'header.media.link'],
      ['a number as link', { media: { link: 42 } }, 'header.media.link'],
      ['both link and field', { media: { link: BANNER, field: 'custom_fields.banner' } }, 'header.media'],
      ['neither link nor field', { media: {} }, 'header.media'],
      ['an unknown contact field', { media: { field: 'shoe_size' } }, 'header.media.field'],
      ['a fallback that is not https', { media: { field: 'custom_fields.banner', fallback: 'ftp://x.example/a.png' } }, 'header.media.fallback'],
      ['a filename on an IMAGE header', { media: { link: BANNER, filename: 'a.png' } }, 'header.media.filename'],
      ['an unknown key', { media: { link: BANNER, id: '123' } }, 'header.media'],
      ['media that is not an object', { media: BANNER }, 'header.media'],
      ['a text placeholder instead of media', { '1': 'first_name' }, 'header.1'],
    ])('422 for %s', async (_what, header, path) => {
      const res = await create('spring_promo', { header }).expect(422);
      expect(res.body.code).toBe('INVALID_VARIABLE_MAPPING');
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    });

    it('refuses media on a template whose header is text, and a filename that is not a string or a field', async () => {
      const order = await http().get(`${API}/templates`).query({ limit: 200 }).expect(200);
      const orderId = order.body.data.find((x: { name: string }) => x.name === 'order_update').id;
      const res = await http()
        .post(`${API}/campaigns`)
        .send({ name: 'x', template_id: orderId, variable_mapping: { header: { media: { link: BANNER } }, body: { '1': 'first_name', '2': 'first_name' }, buttons: { '0': { '1': 'first_name' } } } })
        .expect(422);
      expect(res.body.details).toContainEqual({ path: 'header.media', message: expect.stringContaining('no media header') });
      const doc = await create('invoice_ready', { header: { media: { link: 'https://files.example.com/a.pdf', filename: 7 } }, body }).expect(422);
      expect(doc.body.details.map((d: { path: string }) => d.path)).toEqual(['header.media.filename']);
    });

    it('PATCH validates the header like create', async () => {
      const c = await create('spring_promo', { header: { media: { link: BANNER } } }).expect(201);
      const bad = await http().patch(`${API}/campaigns/${c.body.id}`).send({ variable_mapping: { header: { media: { link: 'http://insecure.example/a.png' } } } }).expect(422);
      expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['header.media.link']);
      const ok = await http().patch(`${API}/campaigns/${c.body.id}`).send({ variable_mapping: { header: { media: { field: 'custom_fields.banner', fallback: BANNER } } } }).expect(200);
      expect(ok.body.variable_mapping).toEqual({ header: { media: { field: 'custom_fields.banner', fallback: BANNER } } });
    });

    it('send re-checks a stored mapping and answers 422 before anything is sent', async () => {
      const c = await create('spring_promo', { header: { media: { link: BANNER } } }).expect(201);
      await t.app.get(DataSource).query(`UPDATE campaigns SET variable_mapping = '{}'::jsonb WHERE id = $1`, [c.body.id]);
      const res = await http().post(`${API}/campaigns/${c.body.id}/send`).expect(422);
      expect(res.body.details).toEqual([{ path: 'header.media', message: expect.any(String) }]);
      expect((await http().get(`${API}/campaigns/${c.body.id}`).expect(200)).body.status).toBe('DRAFT');
    });

    it('another workspace cannot use the template (404 for its campaign, 400 TEMPLATE_NOT_FOUND for the template)', async () => {
      const intruder = await createWorkspaceKey(t);
      const c = await create('spring_promo', { header: { media: { link: BANNER } } }).expect(201);
      await t.http().set(intruder.auth).post(`${API}/campaigns/${c.body.id}/preview`).send({}).expect(404);
      const res = await t.http().set(intruder.auth).post(`${API}/campaigns`).send({ name: 'x', template_id: templates.spring_promo, variable_mapping: { header: { media: { link: BANNER } } } });
      expect([res.status, res.body.code]).toEqual([400, 'TEMPLATE_NOT_FOUND']);
    });
  });

  describe('preview', () => {
    it('renders the media header, and reports a per-recipient link a contact lacks as missing', async () => {
      const c = await create('invoice_ready', { header: { media: { field: 'custom_fields.invoice_url', filename: 'invoice.pdf' } }, body }).expect(201);
      const withInvoice = w.contacts.find((x) => x.phone.endsWith('0000'))!;
      const ok = await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: withInvoice.id }).expect(200);
      expect(ok.body.resolved_components).toEqual([
        { type: 'HEADER', format: 'DOCUMENT', link: 'https://files.example.com/inv-0.pdf', filename: 'invoice.pdf' },
        { type: 'BODY', text: 'Hi Name0, your invoice is attached.' },
      ]);
      expect(ok.body.missing_variables).toEqual([]);
      const without = w.contacts.find((x) => x.phone.endsWith('0001'))!;
      const missing = await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: without.id }).expect(200);
      expect(missing.body.missing_variables).toEqual(['header.media']);
      expect(missing.body.resolved_components[0]).toEqual({ type: 'HEADER', format: 'DOCUMENT', link: null, filename: 'invoice.pdf' });
    });
  });

  describe('sending', () => {
    const finished = async (id: string) =>
      eventually(async () => {
        const r = await http().get(`${API}/campaigns/${id}`).expect(200);
        return r.body.status === 'COMPLETED' && r.body.stats.pending === 0 ? r.body : null;
      }, { what: 'campaign completed' });

    it('sends one asset for everyone in Meta\'s header component shape', async () => {
      const c = await create('spring_promo', { header: { media: { link: BANNER } } }).expect(201);
      await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
      const done = await finished(c.body.id);
      expect(done.stats).toMatchObject({ total: 4, sent: 4, failed: 0, skipped: 0 });
      const sent = w.sandbox.state.messages.filter((m) => m.template.name === 'spring_promo');
      expect(sent.map((m) => m.parameters.header)).toEqual([[BANNER], [BANNER], [BANNER], [BANNER]]);
      const recipients = await http().get(`${API}/campaigns/${c.body.id}/recipients`).expect(200);
      expect(recipients.body.data.map((r: { variables: unknown }) => r.variables)).toEqual(Array(4).fill({ 'header.media': BANNER }));
    });

    it('sends each recipient its own document; those without one are skipped as MISSING_VARIABLE', async () => {
      const c = await create('invoice_ready', { header: { media: { field: 'custom_fields.invoice_url', filename: { field: 'custom_fields.order_id' } } }, body }).expect(201);
      await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
      const done = await finished(c.body.id);
      expect(done.stats).toMatchObject({ total: 4, sent: 2, failed: 0, skipped: 2 });
      const sent = w.sandbox.state.messages.filter((m) => m.template.name === 'invoice_ready');
      expect(sent.map((m) => m.parameters.header![0]).sort()).toEqual(['https://files.example.com/inv-0.pdf', 'https://files.example.com/inv-2.pdf']);
      const errors = await http().get(`${API}/campaigns/${c.body.id}/errors`).expect(200);
      expect(errors.body.skipped_by_code).toEqual([expect.objectContaining({ code: 'MISSING_VARIABLE', count: 2, sample_message: 'No value for header.media' })]);
      const recipients = await http().get(`${API}/campaigns/${c.body.id}/recipients`).query({ status: 'sent,delivered,read' }).expect(200);
      expect(recipients.body.data.map((r: { variables: Record<string, string> }) => r.variables['header.filename']).sort()).toEqual(['ORD-0', 'ORD-2']);
    });
  });
});
