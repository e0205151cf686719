import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

const pad = (n: number) => String(n).padStart(2, '0');
/** "HH:MM:SS" of a number of seconds since midnight. */
const clock = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
/** The fixed-offset zone whose local hour is `hour` now (Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3). */
const zoneAtHour = (hour: number, now: Date) => {
  const offset = hour - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
};

describe('send windows (e2e)', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http().set(w.key.auth);
  const get = async (id: string) => (await http().get(`${API}/campaigns/${id}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
  });
  afterAll(async () => {
    await w?.sandbox.close();
    await t.close();
  });

  it("messages each recipient only inside its own local window: open now, opening a few seconds after the start, or tomorrow", async () => {
    // The window is [11:mm:ss + 5 s, 13:mm:ss + 5 s) local, mm:ss being now's. Zone B's local time is 11:mm:ss (its
    // window opens 5 s after the start), zone A's 12:mm:ss (open), zone C's 14:mm:ss (closed until tomorrow).
    const now = new Date();
    const mmss = now.getUTCMinutes() * 60 + now.getUTCSeconds();
    const zones = { A: zoneAtHour(12, now), B: zoneAtHour(11, now), C: zoneAtHour(14, now) };
    const zoneOf = (i: number) => (['A', 'B', 'C'] as const)[i % 3];
    w = await createWorld(t, { contacts: 30, phoneOffset: 9900, contactFields: (i) => ({ custom_fields: { order_id: `ORD-${i}`, timezone: zones[zoneOf(i)] } }) });
    const window = { start: clock(11 * 3600 + mmss + 5), end: clock(13 * 3600 + mmss + 5), days: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], timezone: 'recipient' };
    const c = (await http().post(`${API}/campaigns`).send({ name: 'windowed', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, send_window: window }).expect(201)).body;
    expect(c.send_window).toEqual({ ...window, fallback_timezone: null });
    const opensAt = new Date(now.getTime() + 5_000);
    await http().post(`${API}/campaigns/${c.id}/send`).expect(200);

    const phonesIn = (zone: 'A' | 'B' | 'C') => new Set(w.contacts.filter((x) => zoneOf(Number(x.phone.slice(-4)) - 9900) === zone).map((x) => x.phone));
    const sentTo = (zone: 'A' | 'B' | 'C') => w.sandbox.state.messages.filter((m) => phonesIn(zone).has(`+${m.wa_id}`));
    // Zones A and B get their messages (B once its window opened); C's recipients wait, so the campaign stays RUNNING.
    const waiting = await eventually(async () => {
      const x = await get(c.id);
      return x.stats.sent === 20 && x.waiting_recipients === 10 && x.next_window_at ? x : null;
    }, { what: 'A and B sent, C waiting', timeoutMs: 60_000 });
    expect(waiting).toMatchObject({ status: 'RUNNING', stats: { total: 30, sent: 20, pending: 10 } });
    expect(sentTo('A')).toHaveLength(10);
    expect(sentTo('B')).toHaveLength(10);
    expect(sentTo('C')).toHaveLength(0);
    // No B recipient was messaged before its window opened (the sandbox stamps when it accepted each message).
    for (const m of sentTo('B')) expect(m.accepted_at).toBeGreaterThanOrEqual(opensAt.getTime() - 1_000);
    // C's window opens tomorrow at 11:mm:ss + 5 s local, 21 h from now.
    const next = new Date(waiting.next_window_at).getTime();
    expect(Math.round((next - opensAt.getTime()) / 3_600_000)).toBe(21);
    const timeline = (await http().get(`${API}/campaigns/${c.id}/timeline`).query({ bucket: '1d' }).expect(200)).body;
    expect(timeline.series.reduce((n: number, p: { waiting: number }) => n + p.waiting, 0)).toBe(10);

    const zonesStored = await t.app.get(DataSource).query(`SELECT tz, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`, [c.id]);
    expect(zonesStored).toEqual(Object.values(zones).sort().map((tz) => ({ tz, n: 10 })));
    await http().post(`${API}/campaigns/${c.id}/stop`).expect(200);
    expect((await get(c.id)).next_window_at).toBeNull();
  });

  it('one zone for everyone; refuses a window that never opens, unknown zones and hostile input', async () => {
    const base = { name: 'w', template_id: w.templateId, variable_mapping: ORDER_MAPPING };
    const ok = await http().post(`${API}/campaigns`).send({ ...base, send_window: { start: '09:00', end: '20:00', days: ['MON', 'FRI'], timezone: 'Europe/Madrid' } }).expect(201);
    expect(ok.body.send_window).toEqual({ start: '09:00', end: '20:00', days: ['MON', 'FRI'], timezone: 'Europe/Madrid', fallback_timezone: null });
    const cleared = await http().patch(`${API}/campaigns/${ok.body.id}`).send({ send_window: null }).expect(200);
    expect(cleared.body.send_window).toBeNull();
    const bad = [
      { start: '20:00', end: '09:00', days: ['MON'], timezone: 'UTC' },
      { start: '09:00', end: '20:00', days: ['MON'], timezone: 'Mars/Olympus' },
      { start: '09:00', end: '20:00', days: ['MON'], timezone: 'recipient', fallback_timezone: 'Nowhere/City' },
    ];
    for (const send_window of bad) expect((await http().post(`${API}/campaigns`).send({ ...base, send_window }).expect(400)).body.code).toBe('INVALID_SEND_WINDOW');
    const hostile = [
      { start: '25:00', end: '26:00', days: ['MON'], timezone: 'UTC' },
      { start: '09:00', end: '20:00', days: [], timezone: 'UTC' },
      { start: '09:00', end: '20:00', days: ['FUNDAY'], timezone: 'UTC' },
      { start: '09:00', end: '20:00', days: ['MON'], timezone: 'U\u0000TC' },
      { start: '09:00', end: '20:00', days: ['MON'], timezone: 'x'.repeat(65) },
      { start: 9, end: '20:00', days: ['MON'], timezone: 'UTC' },
      'always',
    ];
    for (const send_window of hostile) {
      const r = await http().post(`${API}/campaigns`).send({ ...base, send_window });
      expect([JSON.stringify(send_window).slice(0, 60), r.status]).toEqual([JSON.stringify(send_window).slice(0, 60), 400]);
    }
    const other = await createWorkspaceKey(t);
    await t.http().set(other.auth).patch(`${API}/campaigns/${ok.body.id}`).send({ send_window: null }).expect(404);
  });
});
