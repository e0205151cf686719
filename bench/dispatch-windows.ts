/**
 * `npm run bench:dispatch -- --windows [--recipients N]`: what send windows cost the claim path. Campaigns
 * of N synthetic recipients (default 100,000; two of each kind) are claimed to the end in batches of 100 as a pump does,
 * each batch recorded as sent: one with no window, one with a 09:00–20:00 window over 24 zones (the rows of
 * zones then closed are deferred first, as the pump's gate does). Printed: claim time per claimed row of
 * each and the overhead, and the deferral's cost per row deferred (paid once per window change, not per
 * claim). Figures, not assertions.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CampaignDispatchInfo, SendWindow } from '@app/campaign';
import { RecipientStatus } from '@app/dispatch';
import { WorkspacesService } from '@app/platform';
import { RecipientLedger } from '../libs/dispatch/src/database/recipient-ledger';
import { SendWindowGate } from '../libs/dispatch/src/worker/send-window-gate';
import { secs } from './support';

const BATCH = 100;
/** 24 fixed-offset zones, UTC−12 to UTC+11: at any moment the 09:00–20:00 window is open in 11 of them. */
const ZONES = Array.from({ length: 24 }, (_, i) => i - 12).map((h) => (h === 0 ? 'Etc/GMT' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`));
const WINDOW: SendWindow = { start: '09:00', end: '20:00', days: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], timezone: 'recipient', fallbackTimezone: 'UTC' };

async function seed(db: DataSource, workspaceId: string, campaignId: string, n: number, zoned: boolean): Promise<void> {
  await db.query(
    `INSERT INTO campaigns (id, workspace_id, name, status, template_id, batch_size, batch_delay_ms, version, created_at, updated_at)
     VALUES ($1, $2, 'bench', 'RUNNING', gen_random_uuid(), $3, 0, 1, now(), now())`,
    [campaignId, workspaceId, BATCH],
  );
  await db.query(
    `INSERT INTO campaign_recipients (id, campaign_id, contact_id, phone, status, tz)
     SELECT gen_random_uuid(), $1, gen_random_uuid(), '+1202' || lpad(i::text, 7, '0'), 'pending', CASE WHEN $3 THEN ($4::text[])[1 + i % 24] END
       FROM generate_series(1, $2) i`,
    [campaignId, n, zoned, ZONES],
  );
  await db.query(`INSERT INTO dispatch_runs (campaign_id, audience_key, zones) VALUES ($1, 'bench', $2)`, [campaignId, zoned ? ZONES : null]);
  await db.query(`ANALYZE campaign_recipients`);
}

/** Claims a campaign to the end as the dispatcher does; answers the claimed rows and the time spent claiming. */
async function drain(ledger: RecipientLedger, gate: SendWindowGate, info: CampaignDispatchInfo, zones: string[]) {
  const token = await ledger.openLease(info.id, 'bench', 600_000);
  let claimMs = 0;
  let deferMs = 0;
  let claimed = 0;
  let applied: string | null = null;
  for (;;) {
    if (zones.length) {
      const t0 = performance.now();
      applied = await gate.deferClosed(info, zones, applied);
      deferMs += performance.now() - t0;
    }
    const t0 = performance.now();
    const rows = await ledger.claim(info.id, token, BATCH);
    claimMs += performance.now() - t0;
    if (!rows.length) break;
    claimed += rows.length;
    await ledger.record(rows.map((r) => ({ id: r.id, status: RecipientStatus.SENT, wamid: `wamid.${r.id}` })));
  }
  await ledger.endLease(token);
  return { claimed, claimMs, deferMs };
}

export async function windowsBench(app: INestApplication, n: number): Promise<void> {
  const db = app.get(DataSource);
  const ledger = app.get(RecipientLedger);
  const gate = new SendWindowGate(ledger, undefined as never);
  const info = (id: string, sendWindow: SendWindow | null) => ({ id, sendWindow }) as CampaignDispatchInfo;
  const [warm, plain1, zoned1, zoned2, plain2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const { id: workspaceId } = await app.get(WorkspacesService).createWorkspace('bench-windows');
  await seed(db, workspaceId, warm, Math.min(n, 5_000), false);
  for (const [id, zoned] of [[plain1, false], [zoned1, true], [zoned2, true], [plain2, false]] as const) await seed(db, workspaceId, id, n, zoned);
  // A first drain warms the JIT and Postgres' caches; then each kind is measured once early and once late
  // (A B B A) from a vacuumed table, so neither pays for the other's dead rows or for going first.
  await drain(ledger, gate, info(warm, null), []);
  const measure = async (id: string, w: SendWindow | null) => {
    await db.query(`VACUUM ANALYZE campaign_recipients`);
    return drain(ledger, gate, info(id, w), w ? ZONES : []);
  };
  const runs = [await measure(plain1, null), await measure(zoned1, WINDOW), await measure(zoned2, WINDOW), await measure(plain2, null)];
  const sum = (a: (typeof runs)[number], b: (typeof runs)[number]) => ({ claimed: a.claimed + b.claimed, claimMs: a.claimMs + b.claimMs, deferMs: a.deferMs + b.deferMs });
  const none = sum(runs[0], runs[3]);
  const windowed = sum(runs[1], runs[2]);
  const perRow = (r: { claimMs: number; claimed: number }) => (r.claimMs * 1000) / r.claimed;
  console.log(`no window:        ${none.claimed} rows claimed in ${secs(none.claimMs)} (${perRow(none).toFixed(1)} µs/row)`);
  console.log(`24 zones, window: ${windowed.claimed} rows claimed (the rest wait for their window) in ${secs(windowed.claimMs)} (${perRow(windowed).toFixed(1)} µs/row), deferral ${secs(windowed.deferMs)}`);
  console.log(`claim-time overhead per claimed row: ${((perRow(windowed) / perRow(none) - 1) * 100).toFixed(1)} % (target ≤ 10 %)`);
  // Deferral moves each waiting row once per window change (not per claim): its cost per row deferred.
  const deferred = 2 * n - windowed.claimed;
  console.log(`deferral: ${deferred} rows set waiting until their opening, ${((windowed.deferMs * 1000) / deferred).toFixed(1)} µs/row, once per opening`);
}
