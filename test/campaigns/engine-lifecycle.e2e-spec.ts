import { API } from '../support/app';
import { engineSuite } from '../support/campaign-api';
import { eventually, World } from '../support/world';
import { WebhookReceiver } from '../webhooks/webhook-receiver';

/** Lifecycle transitions the engine makes on its own, and what it tells a client about them. */
describe('campaign lifecycle driven by the engine (e2e)', () => {
  const suite = engineSuite({ SCHEDULE_SWEEP_INTERVAL_MS: '500', WEBHOOK_RELAY_INTERVAL_MS: '50', WEBHOOK_SWEEP_INTERVAL_MS: '200' });
  const { world, api } = suite;
  const receivers: WebhookReceiver[] = [];
  afterAll(() => Promise.all(receivers.map((r) => r.stop())));

  const events = async (campaignId: string) =>
    (await suite.db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [campaignId])).map((e: { type: string }) => e.type);

  const setTemplateStatus = (w: World, status: string) =>
    fetch(`${w.sandbox.url}/__sandbox/templates/${w.metaTemplateId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    }).then((r) => expect(r.ok).toBe(true));

  describe('campaign.materialised', () => {
    it('tells a webhook consumer the real total_recipients once the audience is in, after campaign.started', async () => {
      const w = await world({ contacts: 25, phoneOffset: 1000 });
      const receiver = await new WebhookReceiver().start();
      receivers.push(receiver);
      await api(w).http().post(`${API}/webhooks`).send({ url: receiver.url, events: ['campaign.started', 'campaign.materialised'] }).expect(201);
      const a = api(w);
      const c = await a.created();
      await a.action(c.id, 'send').expect(200);
      const got = await eventually(async () => {
        const mine = receiver.received.filter((r) => r.json.data.campaign.id === c.id);
        return mine.length >= 2 ? mine : null;
      }, { what: 'started and materialised deliveries' });
      expect(got.map((r) => r.json.type)).toEqual(['campaign.started', 'campaign.materialised']);
      expect(got[0].json.data.campaign.total_recipients).toBe(0);
      expect(got[1].json.data.campaign).toMatchObject({ id: c.id, total_recipients: 25 });
      expect(got[1].json.data.campaign.stats.total).toBe(25);
    });

    it('can be subscribed to, and is listed in the OpenAPI event names', async () => {
      const w = await world({ contacts: 0 });
      const res = await api(w).http().post(`${API}/webhooks`).send({ url: 'https://example.com/h', events: ['campaign.materialised'] }).expect(201);
      expect(res.body.events).toEqual(['campaign.materialised']);
      const doc = (await suite.app.http().get('/docs-json').expect(200)).text;
      expect(doc).toContain('campaign.materialised');
    });
  });

  describe('empty audience', () => {
    it('POST /send answers 422 EMPTY_AUDIENCE and leaves the campaign as it was', async () => {
      const w = await world({ contacts: 3, phoneOffset: 1100 });
      const a = api(w);
      const empty = (await a.http().post(`${API}/groups`).send({ name: 'nobody' }).expect(201)).body.id as string;
      const none = await a.created({ audience: { groups: [empty] } });
      const res = await a.action(none.id, 'send').expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'EMPTY_AUDIENCE' });
      expect(await a.get(none.id)).toMatchObject({ status: 'DRAFT', total_recipients: 0 });
      expect(await events(none.id)).toEqual(['campaign.created']);

      const noAudience = await a.created({ audience: { groups: [], sources: [] } });
      expect((await a.action(noAudience.id, 'send').expect(422)).body.code).toBe('EMPTY_AUDIENCE');

      // Everyone opted out: nobody would be messaged.
      const optedOut = await a.created();
      for (const c of w.contacts) await a.http().patch(`${API}/contacts/${c.id}`).send({ opted_out: true }).expect(200);
      const refused = await a.action(optedOut.id, 'send').expect(422);
      expect(refused.body).toMatchObject({ code: 'EMPTY_AUDIENCE', details: { opted_out: 3 } });
    });

    it('a resume that would start a never-run campaign with nobody to message answers 422 EMPTY_AUDIENCE', async () => {
      const w = await world({ contacts: 2, phoneOffset: 1150 });
      const a = api(w);
      const c = await a.created({ scheduled_at: new Date(Date.now() + 1000).toISOString() });
      await a.action(c.id, 'pause').expect(200);
      await new Promise((r) => setTimeout(r, 1200));
      const empty = (await a.http().post(`${API}/groups`).send({ name: 'nobody' }).expect(201)).body.id as string;
      await a.http().put(`${API}/campaigns/${c.id}/audience`).send({ groups: [empty] }).expect(200);
      expect((await a.action(c.id, 'resume').expect(422)).body.code).toBe('EMPTY_AUDIENCE');
      expect(await a.get(c.id)).toMatchObject({ status: 'PAUSED', pause_reason: 'MANUAL' });
    });

    it('a scheduled start with an empty audience ends FAILED with failure_reason EMPTY_AUDIENCE, messaging nobody', async () => {
      const w = await world({ contacts: 0, phoneOffset: 1200 });
      const a = api(w);
      const c = await a.created({ scheduled_at: new Date(Date.now() + 1500).toISOString() });
      const failed = await a.until(c.id, (x) => x.status === 'FAILED', 'the scheduled start');
      expect(failed.failure_reason).toMatch(/^EMPTY_AUDIENCE/);
      expect(failed.total_recipients).toBe(0);
      expect(await events(c.id)).toEqual(['campaign.created', 'campaign.scheduled', 'campaign.failed']);
      expect(w.sandbox.state.stats().accepted).toBe(0);
    });
  });

  describe('template paused by Meta, then approved again', () => {
    it('resumes RUNNING campaigns paused for TEMPLATE_PAUSED, returns SCHEDULED ones to SCHEDULED, leaves manual pauses alone', async () => {
      const w = await world({ contacts: 200, mps: 10, phoneOffset: 1300 });
      const a = api(w);
      const running = await a.created({ batch_size: 5 });
      await a.action(running.id, 'send').expect(200);
      await eventually(async () => w.sandbox.state.stats().accepted >= 5, { what: 'first sends' });
      const scheduled = await a.created({ scheduled_at: new Date(Date.now() + 3_600_000).toISOString() });
      const manual = await a.created({ scheduled_at: new Date(Date.now() + 3_600_000).toISOString() });
      await a.action(manual.id, 'pause').expect(200);

      await setTemplateStatus(w, 'PAUSED');
      for (const id of [running.id, scheduled.id]) {
        expect(await a.until(id, (x) => x.status === 'PAUSED', 'template pause', 30_000)).toMatchObject({ pause_reason: 'TEMPLATE_PAUSED' });
      }
      await new Promise((r) => setTimeout(r, 500));
      const sentWhilePaused = w.sandbox.state.stats().accepted;

      await setTemplateStatus(w, 'APPROVED');
      expect(await a.until(running.id, (x) => x.status === 'RUNNING', 'auto-resume')).toMatchObject({ pause_reason: null });
      expect(await a.until(scheduled.id, (x) => x.status === 'SCHEDULED', 'back to SCHEDULED')).toMatchObject({ pause_reason: null });
      await eventually(async () => w.sandbox.state.stats().accepted > sentWhilePaused, { what: 'sends after the resume' });
      expect(await a.get(manual.id)).toMatchObject({ status: 'PAUSED', pause_reason: 'MANUAL' });
      expect(await events(running.id)).toEqual(['campaign.created', 'campaign.started', 'campaign.materialised', 'campaign.paused', 'campaign.resumed']);
      expect(await events(scheduled.id)).toEqual(['campaign.created', 'campaign.scheduled', 'campaign.paused', 'campaign.resumed']);
      await a.action(running.id, 'stop').expect(200);
    });
  });
});
