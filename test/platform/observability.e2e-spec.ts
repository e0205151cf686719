import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'prom-client';
import { API, createTestApp, TestApp } from '../support/app';
import { operatorTool, ROOT as root } from '../support/tools';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

const ADMIN_TOKEN = 'admin-token-for-the-queue-dashboard';

describe('observability (e2e): business metrics, the queue dashboard, alert rules and the dashboard JSON', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { ADMIN_TOKEN, SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, { contacts: 5 });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('exports send, queue, webhook and HTTP metrics after a campaign ran', async () => {
    const http = () => t.http().set(w.key.auth);
    const c = await http().post(`${API}/campaigns`).send({ name: 'metrics', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } }).expect(201);
    await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
    await eventually(async () => (await http().get(`${API}/campaigns/${c.body.id}`)).body.stats.delivered === 5, { what: 'delivered' });
    const text = (await t.http().get('/metrics').expect(200)).text;
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}".]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    expect(value(`wace_messages_sent_total{channel_id="${w.channelId}",outcome="accepted",error_code=""}`)).toBeGreaterThanOrEqual(5);
    expect(value(`wace_send_latency_seconds_count{channel_id="${w.channelId}"}`)).toBeGreaterThanOrEqual(5);
    expect(value(`wace_in_flight_window{channel_id="${w.channelId}"}`)).toBeGreaterThan(0);
    expect(value('wace_recipients_claimed_total')).toBeGreaterThanOrEqual(5);
    expect(value('wace_status_webhooks_total{status="delivered"}')).toBeGreaterThanOrEqual(5);
    expect(value('wace_status_webhook_lag_seconds_count')).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/^wace_queue_jobs\{queue="dispatch",state="waiting"\} \d+$/m);
    expect(value('wace_http_request_duration_seconds_count{method="POST",route="/api/v1/public/campaigns",status="201"}')).toBeGreaterThanOrEqual(1);
    // Routes are labelled by template: ids never become series.
    expect(text).not.toContain(c.body.id);
  });

  it('serves the read-only queue dashboard only with the admin token', async () => {
    await t.http().get('/admin/queues').expect(401).expect('WWW-Authenticate', /Basic/);
    await t.http().get('/admin/queues').set('Authorization', `Bearer ${w.key.key}`).expect(401);
    await t.http().get('/admin/queues').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200).expect('Content-Type', /html/);
    const basic = `Basic ${Buffer.from(`ops:${ADMIN_TOKEN}`).toString('base64')}`;
    const queues = (await t.http().get('/admin/queues/api/queues').set('Authorization', basic).expect(200)).body.queues;
    expect(queues.map((q: { name: string; readOnlyMode: boolean }) => [q.name, q.readOnlyMode]).sort()).toEqual([
      ['dispatch', true],
      ['webhook-deliveries', true],
    ]);
    // Read-only: the dashboard's actions are refused.
    const clean = await t.http().put('/admin/queues/api/queues/dispatch/clean/failed').set('Authorization', basic);
    expect(clean.status).toBeGreaterThanOrEqual(400);
  });

  it('has no queue dashboard without ADMIN_TOKEN', async () => {
    const plain = await createTestApp();
    try {
      await plain.http().get('/admin/queues').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(404);
    } finally {
      await plain.close();
    }
  });

  it('alert rules and the Grafana dashboard only use metrics the processes export; promtool accepts the rules', async () => {
    const exported = new Set((await register.getMetricsAsJSON()).map((m) => m.name));
    const alerts = readFileSync(join(root, 'docker/observability/alerts.yml'), 'utf8');
    const dashboard = JSON.parse(readFileSync(join(root, 'docker/observability/grafana-dashboard.json'), 'utf8'));
    const exprs = [alerts, ...dashboard.panels.flatMap((p: { targets: Array<{ expr: string }> }) => p.targets.map((x) => x.expr))].join('\n');
    const used = new Set([...exprs.matchAll(/\bwace_[a-z_]+/g)].map(([m]) => m.replace(/_(bucket|count|sum)$/, '')));
    expect([...used].filter((m) => !exported.has(m))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(10);
    const rules = await operatorTool('promtool', ['check', 'rules', 'docker/observability/alerts.yml']);
    if (rules) expect(rules).toMatchObject({ code: 0, out: expect.stringContaining('SUCCESS: 6 rules found') });
    const config = await operatorTool('promtool', ['check', 'config', 'docker/observability/prometheus.yml']);
    if (config) expect(config.code).toBe(0);
  });
});
