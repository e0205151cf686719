import { DataSource } from 'typeorm';
import { signWebhookBody } from '@app/whatsapp';
import { inboundMessageChange } from '../../apps/wa-sandbox/src/control-api';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, PHONE_NUMBER_ID, SANDBOX_SECRET, SANDBOX_TOKEN, WABA_ID, World } from '../support/world';

type Contact = { id: string; phone: string; opted_out: boolean; opt_out_scope: string | null; opt_out_reason: string | null; opted_out_at: string | null };

describe('STOP replies opt the contact out (e2e)', () => {
  let t: TestApp;
  let w: World;
  let other: TestKey;
  let otherContactId: string;

  const http = (key: TestKey = w.key) => t.http().set(key.auth);
  const contact = async (id: string, key: TestKey = w.key) => (await http(key).get(`${API}/contacts/${id}`).expect(200)).body as Contact;
  /** A user's reply, sent by the sandbox as Meta would: a signed `messages` webhook. */
  const reply = async (from: string, content: { text: string } | { button: { text: string } }) => {
    const res = await fetch(`${w.sandbox.url}/__sandbox/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from, ...content }) });
    expect(res.status).toBe(202);
  };
  const outboxTypes = async (contactId: string) =>
    (await t.app.get(DataSource).query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [contactId])).map((r: { type: string }) => r.type);

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, { contacts: 4, phoneOffset: 9800 });
    // Another workspace with a channel on the same phone number id (its own app secret) and a contact with the same phone.
    other = await createWorkspaceKey(t);
    await http(other)
      .post(`${API}/channels`)
      .send({ name: 'theirs', phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: SANDBOX_TOKEN, app_secret: 'their-own-secret', api_base_url: w.sandbox.url })
      .expect(201);
    otherContactId = (await http(other).post(`${API}/contacts`).send({ phone: w.contacts[0].phone }).expect(201)).body.id;
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('a STOP reply opts out of marketing only the contact of the workspace whose channel signed it; a utility campaign still reaches it', async () => {
    await http().post(`${API}/webhooks`).send({ url: 'https://example.com/hook', events: ['contact.opted_out', 'contact.opted_in'] }).expect(201);
    const [target, bystander] = w.contacts;
    await reply(target.phone, { text: '  stop ' });
    const out = await eventually(async () => {
      const c = await contact(target.id);
      return c.opt_out_scope ? c : null;
    }, { what: 'opt-out from the reply' });
    expect(out).toMatchObject({ opted_out: false, opt_out_scope: 'MARKETING', opt_out_reason: 'KEYWORD_REPLY:STOP', opted_out_at: expect.any(String) });
    expect(await outboxTypes(target.id)).toEqual(['contact.opted_out']);
    // The other workspace's contact with the same phone is untouched: its channel's secret did not sign the reply.
    expect((await contact(otherContactId, other)).opt_out_scope).toBeNull();
    expect((await contact(bystander.id)).opt_out_scope).toBeNull();

    const c = (await http().post(`${API}/campaigns`).send({ name: 'after stop', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } }).expect(201)).body;
    await http().post(`${API}/campaigns/${c.id}/send`).expect(200);
    const done = await eventually(async () => {
      const x = (await http().get(`${API}/campaigns/${c.id}`).expect(200)).body;
      return x.status === 'COMPLETED' ? x : null;
    }, { what: 'campaign done' });
    // The world's template is UTILITY: a marketing-only opt-out does not cover it (STOP ALL below does).
    expect(done.stats).toMatchObject({ total: 4, sent: 4, skipped: 0 });
    expect(w.sandbox.state.messages.filter((m) => `+${m.wa_id}` === target.phone)).toHaveLength(1);

    // START reverses it.
    await reply(target.phone, { text: 'Start' });
    const back = await eventually(async () => {
      const x = await contact(target.id);
      return x.opt_out_scope ? null : x;
    }, { what: 'opt-in' });
    expect(back).toMatchObject({ opt_out_scope: null, opt_out_reason: null, opted_out_at: null });
    expect(await outboxTypes(target.id)).toEqual(['contact.opted_out', 'contact.opted_in']);
  });

  it('STOP ALL (a quick-reply button too) opts out of everything; a longer message is no keyword', async () => {
    const [, a, b] = w.contacts;
    await reply(a.phone, { button: { text: 'STOP ALL' } });
    await reply(b.phone, { text: "please don't stop" });
    const out = await eventually(async () => {
      const x = await contact(a.id);
      return x.opted_out ? x : null;
    }, { what: 'STOP ALL' });
    expect(out).toMatchObject({ opt_out_scope: 'ALL', opt_out_reason: 'KEYWORD_REPLY:STOP ALL' });
    // A plain STOP does not narrow an opt-out of everything, and changes nothing (no event). Posted as Meta
    // would, signed, and answered once applied.
    const raw = JSON.stringify(inboundMessageChange(w.sandbox.state, { from: a.phone, text: 'STOP' }));
    const res = await t.http().post(`${API}/webhooks/whatsapp`).set('Content-Type', 'application/json').set('X-Hub-Signature-256', signWebhookBody(raw, SANDBOX_SECRET)).send(raw).expect(200);
    expect(res.body).toEqual({ statuses: 0, template_updates: 0, replies: 1 });
    expect((await contact(a.id)).opt_out_scope).toBe('ALL');
    expect(await outboxTypes(a.id)).toEqual(['contact.opted_out']);
    expect((await contact(b.id)).opted_out).toBe(false);

    // Opted out of everything: even a utility campaign skips it.
    const c = (await http().post(`${API}/campaigns`).send({ name: 'after stop all', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } }).expect(201)).body;
    await http().post(`${API}/campaigns/${c.id}/send`).expect(200);
    const done = await eventually(async () => {
      const x = (await http().get(`${API}/campaigns/${c.id}`).expect(200)).body;
      return x.status === 'COMPLETED' ? x : null;
    }, { what: 'campaign done' });
    expect(done.stats).toMatchObject({ total: 4, sent: 3, skipped: 1 });
    const [skipped] = await t.app.get(DataSource).query(`SELECT contact_id, error_code FROM campaign_recipients WHERE campaign_id = $1 AND status = 'skipped'`, [c.id]);
    expect(skipped).toEqual({ contact_id: a.id, error_code: 'OPTED_OUT' });
  });

  it("uses the workspace's own keywords, normalised; refuses clashes and hostile input; per workspace", async () => {
    expect((await http().get(`${API}/opt-out-keywords`).expect(200)).body).toEqual({ opt_out: ['STOP', 'UNSUBSCRIBE'], opt_out_all: ['STOP ALL'], opt_in: ['START'] });
    const set = await http().put(`${API}/opt-out-keywords`).send({ opt_out: [' alto ', 'ALTO'], opt_out_all: ['baja  total'], opt_in: ['volver'] }).expect(200);
    expect(set.body).toEqual({ opt_out: ['ALTO'], opt_out_all: ['BAJA TOTAL'], opt_in: ['VOLVER'] });
    expect((await http(other).get(`${API}/opt-out-keywords`).expect(200)).body.opt_out).toEqual(['STOP', 'UNSUBSCRIBE']);

    const d = w.contacts[3];
    await reply(d.phone, { text: 'STOP' });
    await reply(d.phone, { text: 'Alto' });
    const out = await eventually(async () => {
      const x = await contact(d.id);
      return x.opt_out_scope ? x : null;
    }, { what: 'custom keyword' });
    expect(out).toMatchObject({ opt_out_scope: 'MARKETING', opt_out_reason: 'KEYWORD_REPLY:ALTO' });

    const clash = await http().put(`${API}/opt-out-keywords`).send({ opt_out: ['stop'], opt_out_all: [], opt_in: ['STOP'] }).expect(400);
    expect(clash.body.code).toBe('VALIDATION_FAILED');
    for (const body of [{}, { opt_out: 'STOP', opt_out_all: [], opt_in: [] }, { opt_out: ['a\u0000b'], opt_out_all: [], opt_in: [] }, { opt_out: ['x'.repeat(41)], opt_out_all: [], opt_in: [] }, { opt_out: Array.from({ length: 21 }, (_, i) => `K${i}`), opt_out_all: [], opt_in: [] }, { opt_out: [7], opt_out_all: [], opt_in: [] }]) {
      const r = await http().put(`${API}/opt-out-keywords`).send(body);
      expect([JSON.stringify(body).slice(0, 40), r.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
    const readOnly = await createWorkspaceKey(t, ['contacts:read'], w.key.workspaceId);
    await http(readOnly).put(`${API}/opt-out-keywords`).send({ opt_out: [], opt_out_all: [], opt_in: [] }).expect(403);
  });
});
