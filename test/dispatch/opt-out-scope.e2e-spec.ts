import { DataSource } from 'typeorm';
import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, ORDER_TEMPLATE, WABA_ID, World } from '../support/world';

type Campaign = { id: string; status: string; stats: Record<string, number> };

/** A marketing template with one body variable. */
const PROMO_TEMPLATE = {
  name: 'spring_promo',
  language: 'en_US',
  category: 'MARKETING',
  components: [{ type: 'BODY', text: 'Hi {{1}}, spring sale: 20% off this week.' }],
};
const PROMO_MAPPING = { body: { '1': { field: 'first_name', fallback: 'there' } } };

/** Error 131050 (the user stopped marketing messages) opts the contact out of marketing templates only. */
describe('opt-out scope (e2e)', () => {
  let t: TestApp;
  let w: World;
  let promoId: string;
  const http = () => t.http().set(w.key.auth);

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, {
      contacts: 4,
      phoneOffset: 3300,
      sandbox: {
        templates: [
          { ...ORDER_TEMPLATE, status: 'APPROVED', waba_id: WABA_ID },
          { ...PROMO_TEMPLATE, status: 'APPROVED', waba_id: WABA_ID },
        ],
        // The first marketing message to this number is refused: the user stopped marketing messages.
        scenarios: [{ match: { suffix: '3301' }, error_code: 131050, times: 1 }],
      },
    });
    const meta = [...w.sandbox.state.templates.values()].find((x) => x.name === PROMO_TEMPLATE.name)!.id;
    promoId = (await http().post(`${API}/templates`).send({ ...PROMO_TEMPLATE, meta_template_id: meta }).expect(201)).body.id;
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  const run = async (templateId: string, mapping: object) => {
    const c = (await http().post(`${API}/campaigns`).send({ name: 'c', template_id: templateId, variable_mapping: mapping, audience: { groups: [w.groupId] } }).expect(201)).body as Campaign;
    const preview = (await http().get(`${API}/campaigns/${c.id}/audience/preview`).expect(200)).body as { total: number; opted_out: number };
    await http().post(`${API}/campaigns/${c.id}/send`).send().expect(200);
    const done = await eventually(async () => {
      const x = (await http().get(`${API}/campaigns/${c.id}`).expect(200)).body as Campaign;
      return x.status === 'COMPLETED' ? x : null;
    }, { what: 'completion' });
    return { campaign: done, preview };
  };
  /** Templates the sandbox accepted for this number (a refused send is not there). */
  const messagedTo = (phone: string) => w.sandbox.state.messages.filter((m) => m.to === phone).map((m) => m.template.name);

  it('131050 on a marketing send stores a MARKETING opt-out; utility campaigns still reach the contact, marketing ones skip it', async () => {
    const target = w.contacts.find((c) => c.phone.endsWith('3301'))!;
    const first = await run(promoId, PROMO_MAPPING);
    expect(first.campaign.stats).toMatchObject({ total: 4, sent: 3, failed: 1 });
    const contact = (await http().get(`${API}/contacts/${target.id}`).expect(200)).body;
    expect(contact).toMatchObject({ opted_out: false, opt_out_scope: 'MARKETING' });

    const utility = await run(w.templateId, ORDER_MAPPING);
    expect(utility.preview).toMatchObject({ total: 4, opted_out: 0 });
    expect(utility.campaign.stats).toMatchObject({ total: 4, sent: 4, skipped: 0 });
    expect(messagedTo(target.phone)).toEqual(['order_update']);

    const marketing = await run(promoId, PROMO_MAPPING);
    expect(marketing.preview).toMatchObject({ total: 3, opted_out: 1 });
    expect(marketing.campaign.stats).toMatchObject({ total: 4, sent: 3, skipped: 1 });
    const [row] = await t.app.get(DataSource).query(
      `SELECT status, error_code FROM campaign_recipients WHERE campaign_id = $1 AND contact_id = $2`,
      [marketing.campaign.id, target.id],
    );
    expect(row).toEqual({ status: 'skipped', error_code: 'OPTED_OUT' });
    expect(messagedTo(target.phone)).toEqual(['order_update']);
  });

  it('a full opt-out (PATCH opted_out: true) wins over the marketing scope; opting back in clears both', async () => {
    const target = w.contacts.find((c) => c.phone.endsWith('3301'))!;
    expect((await http().patch(`${API}/contacts/${target.id}`).send({ opted_out: true }).expect(200)).body).toMatchObject({ opted_out: true, opt_out_scope: 'ALL' });
    const utility = await run(w.templateId, ORDER_MAPPING);
    expect(utility.preview).toMatchObject({ total: 3, opted_out: 1 });
    expect(utility.campaign.stats).toMatchObject({ sent: 3, skipped: 1 });
    expect((await http().patch(`${API}/contacts/${target.id}`).send({ opted_out: false }).expect(200)).body).toMatchObject({ opted_out: false, opt_out_scope: null });
    const others = w.contacts.find((c) => c !== target)!;
    expect((await http().get(`${API}/contacts/${others.id}`).expect(200)).body.opt_out_scope).toBeNull();
  });
});
