import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { STATS_COUNTERS, type StatsCounter } from '@app/campaign';
import { prefixedUuidSql, uuidPrefix } from '@app/platform';
import { COUNTS_IN, RecipientStatus } from '../domain/recipient-status';
import { RecipientErrorCode } from '../domain/dispatch.errors';
import { MessageEventOutbox, MovedRecipient } from './message-event-outbox';

export interface ClaimedRecipient {
  id: string;
  contactId: string;
  phone: string;
  attempts: number;
  /** The recipient's own time zone, for a per-recipient send window; null: the campaign's zone. */
  tz: string | null;
}

/** What one send (or render) came to, recorded in bulk. `pending` puts the row back for a later attempt. */
export interface Outcome {
  id: string;
  status: RecipientStatus.SENT | RecipientStatus.FAILED | RecipientStatus.SKIPPED | RecipientStatus.PENDING;
  wamid?: string | null;
  code?: string | null;
  message?: string | null;
  variables?: Record<string, string> | null;
  countAttempt?: boolean;
  nextAttemptAt?: Date | null;
}

/** A status reported by WhatsApp's webhook, matched by wamid or, for a send whose answer was lost, by recipient id. */
export interface StatusReport {
  /** The channel whose app secret signed the report: it moves only recipients of campaigns sent on it. */
  channelId: string;
  wamid: string;
  recipientId: string | null;
  status: RecipientStatus.SENT | RecipientStatus.DELIVERED | RecipientStatus.READ | RecipientStatus.FAILED;
  at: Date;
  code?: string | null;
  message?: string | null;
}

/**
 * Whether `phone` is E.164 (`^\+[1-9][0-9]{6,14}$`), written without a regex: on a million-row
 * materialisation the regex took 1.4 s of Postgres CPU, these string functions 0.5 s.
 */
const isE164 = (phone: string) =>
  `(length(${phone}) BETWEEN 8 AND 16 AND left(${phone}, 1) = '+' AND ascii(substr(${phone}, 2, 1)) BETWEEN 49 AND 57 AND ltrim(substr(${phone}, 2), '0123456789') = '')`;
/** Whether the lease whose token is the parameter `token` is still live, by Postgres' clock, in the same statement. */
const leaseLive = (token: string) => `EXISTS (SELECT 1 FROM dispatch_leases l WHERE l.token = ${token} AND l.expires_at > now())`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Concurrent bulk writers (sends, webhooks, sweeps) can deadlock; Postgres aborts one, which simply retries. */
async function retryOnDeadlock<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
      if (i >= tries || (code !== '40P01' && code !== '40001')) throw e;
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
}

/** TypeORM answers UPDATE … RETURNING as [rows, count] but SELECT/INSERT as rows: one shape for callers. */
function rowsOf<T = Record<string, any>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/**
 * Whether status report `m` moves recipient row `r`: only forwards (sent < delivered < read; failed only
 * before delivery), and a DISPATCH_UNCERTAIN failure is corrected by proof of the send.
 */
const STATUS_REPORT_APPLIES = `(
  (m.status IN ('sent', 'delivered', 'read') AND (
     r.status IN ('pending', 'queued', 'sending') OR
     (r.status = 'sent' AND m.status IN ('delivered', 'read')) OR
     (r.status = 'delivered' AND m.status = 'read') OR
     (r.status = 'failed' AND r.error_code = '${RecipientErrorCode.DISPATCH_UNCERTAIN}')))
  OR (m.status = 'failed' AND r.status IN ('queued', 'sending', 'sent')))`;

type TransitionRow = { campaign_id: string; old_status: RecipientStatus | null; status: RecipientStatus; n?: number };

const statusesIn = (counter: StatsCounter) =>
  (Object.keys(COUNTS_IN) as RecipientStatus[]).filter((s) => COUNTS_IN[s].includes(counter)).map((s) => `'${s}'`).join(', ');

/**
 * Each counter's change over transition rows `t(campaign_id, old_status, status, n)`. A row with no old status
 * comes into the counters (new, or back in the audience); one with no new status leaves them (removed from
 * the audience before it was attempted: kept in the ledger, counted nowhere).
 */
const COUNTER_CHANGES = STATS_COUNTERS.map((k) =>
  k === 'total'
    ? `sum(CASE WHEN t.old_status IS NULL THEN t.n WHEN t.status IS NULL THEN -t.n ELSE 0 END)::int AS total`
    : `sum(t.n * ((COALESCE(t.status IN (${statusesIn(k)}), false))::int - (COALESCE(t.old_status IN (${statusesIn(k)}), false))::int))::int AS ${k}`,
).join(', ');

/** Rows the counters leave out: skipped because their contact left the audience before they were attempted. */
const removed = (r = '') => `(${r}status = 'skipped' AND ${r}error_code IS NOT DISTINCT FROM '${RecipientErrorCode.REMOVED_FROM_AUDIENCE}')`;

/**
 * One statement that changes recipient rows (`ctes`, data-modifying) and moves the campaigns' counters by
 * exactly what it changed (`transitions` selects `campaign_id, old_status, status, n` from them), so the
 * counters commit or roll back with the rows and no crash can leave them apart. Answers the transitions.
 * Counter rows are upserted in campaign order: concurrent writers never deadlock on them.
 */
function withCounters(ctes: string, transitions: string): string {
  return `WITH ${ctes},
    t AS (${transitions}),
    counted AS (
      INSERT INTO campaign_stats (campaign_id, ${STATS_COUNTERS.join(', ')})
      SELECT t.campaign_id, ${COUNTER_CHANGES} FROM t GROUP BY t.campaign_id ORDER BY t.campaign_id
      ON CONFLICT (campaign_id) DO UPDATE SET ${STATS_COUNTERS.map((k) => `${k} = campaign_stats.${k} + EXCLUDED.${k}`).join(', ')}, updated_at = now()
      RETURNING 1)
    SELECT * FROM t`;
}

/**
 * The recipient rows of running campaigns: every write is set-based and moves the campaign's stats counters
 * in the same statement, so reading stats never rescans recipients.
 */
@Injectable()
export class RecipientLedger {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messageEvents: MessageEventOutbox,
  ) {}

  /**
   * Runs a ledger write whose transition rows carry the moved recipients (see MovedRecipient). When some
   * workspace subscribes to `message.*` events, they are written to the outbox in the same transaction.
   */
  private async writeWithMessageEvents(sql: string, params: unknown[], rowsWanted = true): Promise<MovedRecipient[]> {
    const subscribers = await this.messageEvents.wanted();
    return retryOnDeadlock(async () => {
      // With nobody to tell and a caller that only needs the write, the moved rows stay in Postgres: the
      // counters still see them all (a data-modifying CTE always runs to completion), and the process is
      // spared parsing a row per status (thousands a second from status webhooks).
      if (!subscribers.size) return rowsOf<MovedRecipient>(await this.db.query(rowsWanted ? sql : `${sql} LIMIT 0`, params));
      return this.db.transaction(async (m) => {
        const moved = rowsOf<MovedRecipient>(await m.query(sql, params));
        await this.messageEvents.record(m, moved, subscribers);
        return moved;
      });
    });
  }

  /**
   * Inserts one row per contact of the audience (idempotent: contacts already there are left alone, so it
   * can run again after an audience change or a crash). Opted-out and invalid numbers become `skipped` rows
   * with their code. Returns the campaign's recipient total.
   *
   * One INSERT … SELECT runs on one core, so the audience comes as disjoint slices (SELECTs over
   * contact id ranges) inserted at once, each in its own transaction: a million rows land in about
   * half the time. A crash between two slices' commits leaves some rows in; the retried job then
   * adds only the missing contacts and counts the total instead of summing its inserts.
   *
   * Answers null when a twin job (the sweep re-enqueues a start whose large audience is still landing)
   * materialised this very audience while this one waited for the lock: nothing left to do.
   *
   * Run again after the audience changed (`whole` is the new audience in one SELECT), rows not yet attempted
   * (`pending`, `queued`) whose contact left it become `skipped` REMOVED_FROM_AUDIENCE and leave the counters,
   * and rows removed earlier whose contact is back return to `pending`: the total is then the new audience
   * plus whoever it already reached.
   */
  async materialise(
    campaignId: string,
    audienceKey: string,
    slices: Array<{ sql: string; params: unknown[] }>,
    whole: { sql: string; params: unknown[] },
  ): Promise<{ total: number } | null> {
    return this.db.transaction(async (m) => {
      // One materialisation of a campaign at a time (held until the slices are in), so the anti-join below
      // never races a twin.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [campaignId]);
      if ((await this.materialisedAudience(campaignId, m)) === audienceKey) return null;
      const [{ exists }] = await m.query(`SELECT EXISTS (SELECT 1 FROM campaign_recipients WHERE campaign_id = $1) AS exists`, [campaignId]);
      if (exists) await this.fitToAudience(campaignId, whole);
      const rows = (await Promise.all(slices.map((slice) => this.insertSlice(campaignId, slice, exists)))).flat();
      await m.query(
        `INSERT INTO dispatch_runs (campaign_id, audience_key) VALUES ($1, $2)
         ON CONFLICT (campaign_id) DO UPDATE SET audience_key = EXCLUDED.audience_key, materialised_at = now()`,
        [campaignId, audienceKey],
      );
      const total = exists ? await this.countRecipients(campaignId) : rows.reduce((sum, r) => sum + Number(r.n), 0);
      return { total };
    });
  }

  /** Removes unattempted rows whose contact left the audience, and brings back removed rows whose contact returned. */
  private async fitToAudience(campaignId: string, audience: { sql: string; params: unknown[] }): Promise<void> {
    const inAudience = `EXISTS (SELECT 1 FROM (${audience.sql}) a WHERE a.contact_id = r.contact_id)`;
    await retryOnDeadlock(() => this.db.query(
      withCounters(
        `o AS (
           SELECT r.id, r.status AS old_status, ${removed('r.')} AS was_removed FROM campaign_recipients r
            WHERE r.campaign_id = $1::uuid
              AND ((r.status IN ('pending', 'waiting', 'queued') AND NOT ${inAudience}) OR (${removed('r.')} AND ${inAudience}))
            ORDER BY r.id FOR UPDATE),
         u AS (
           UPDATE campaign_recipients r SET
                  status = CASE WHEN o.was_removed THEN 'pending' ELSE 'skipped' END,
                  error_code = CASE WHEN o.was_removed THEN NULL ELSE '${RecipientErrorCode.REMOVED_FROM_AUDIENCE}' END,
                  error_message = CASE WHEN o.was_removed THEN NULL ELSE 'Removed from the campaign audience before it was sent' END,
                  claim_token = NULL, claimed_at = NULL
             FROM o WHERE r.id = o.id
           RETURNING r.campaign_id, o.was_removed, o.old_status)`,
        `SELECT campaign_id, CASE WHEN was_removed THEN NULL ELSE old_status END AS old_status,
                CASE WHEN was_removed THEN 'pending' END AS status, 1 AS n FROM u`,
      ),
      [campaignId, ...audience.params],
    ));
  }

  private insertSlice(
    campaignId: string,
    audience: { sql: string; params: unknown[] },
    onlyNew: boolean,
  ): Promise<TransitionRow[]> {
    const prefix = `$${audience.params.length + 2}`;
    return this.db.transaction(async (m) => {
      // Room to hash the audience in memory instead of spilling to disk.
      await m.query(`SET LOCAL work_mem = '256MB'`);
      // No RETURNING: collecting a row per recipient for the counters cost a sixth of the insert. The
      // counters come from the statement's row count and its skipped rows, found through the status index
      // (this transaction's own rows: xmin).
      const { affected } = await m.queryRunner!.query(
        `INSERT INTO campaign_recipients (id, seq, campaign_id, contact_id, phone, status, error_code, error_message)
           OVERRIDING SYSTEM VALUE
           SELECT ${prefixedUuidSql(prefix, 'a.seq')}, a.seq, $1::uuid, a.contact_id, a.phone,
                  CASE WHEN a.skip IS NULL THEN 'pending' ELSE 'skipped' END, a.skip,
                  CASE a.skip WHEN '${RecipientErrorCode.OPTED_OUT}' THEN 'Contact opted out' WHEN '${RecipientErrorCode.INVALID_PHONE}' THEN 'Not a valid E.164 number' END
             -- Why a contact is skipped, worked out once per row (the regex is a fair share of the whole insert).
             -- A block of seq values of its own (one nextval: the sequence steps in blocks), so this slice
             -- appends to its own part of the seq indexes while the other slices append to theirs.
             FROM (SELECT (SELECT nextval('campaign_recipients_seq_seq')) + row_number() OVER () - 1 AS seq, a.contact_id, a.phone,
                          CASE WHEN a.opted_out THEN '${RecipientErrorCode.OPTED_OUT}' WHEN NOT ${isE164('a.phone')} THEN '${RecipientErrorCode.INVALID_PHONE}' END AS skip
                     FROM (${audience.sql}) a
                   ${onlyNew ? 'WHERE NOT EXISTS (SELECT 1 FROM campaign_recipients x WHERE x.campaign_id = $1::uuid AND x.contact_id = a.contact_id)' : ''}) a`,
        [campaignId, ...audience.params, uuidPrefix()],
        true,
      );
      return m.query(
        withCounters(
          `skipped AS (
           SELECT count(*)::int AS n FROM campaign_recipients
            WHERE campaign_id = $1::uuid AND status = 'skipped' AND xmin = pg_current_xact_id()::xid)`,
          `SELECT $1::uuid AS campaign_id, NULL::text AS old_status, v.status, v.n
             FROM skipped, LATERAL (VALUES ('skipped', skipped.n), ('pending', $2::int - skipped.n)) v(status, n) WHERE v.n <> 0`,
        ),
        [campaignId, affected ?? 0],
      );
    });
  }

  /**
   * Remembers that the campaign sends on this channel (every channel it ever sent on is kept, so statuses of
   * sends made before a channel change still apply). Written before the pump runs.
   */
  async recordChannel(campaignId: string, channelId: string): Promise<void> {
    await this.db.query(
      `UPDATE dispatch_runs SET channel_ids = array_append(channel_ids, $2::uuid)
        WHERE campaign_id = $1 AND NOT ($2::uuid = ANY(channel_ids))`,
      [campaignId, channelId],
    );
  }

  /** Which audience the campaign's rows were last materialised from (null: never). */
  async materialisedAudience(campaignId: string, q: Pick<EntityManager, 'query'> = this.db): Promise<string | null> {
    const [row] = await q.query(`SELECT audience_key FROM dispatch_runs WHERE campaign_id = $1`, [campaignId]);
    return row?.audience_key ?? null;
  }

  /** The contacts of a campaign's recipients in one of `statuses` (their contacts may since have been deleted). */
  async contactsWithStatus(campaignId: string, statuses: RecipientStatus[]): Promise<string[]> {
    const rows = await this.db.query(`SELECT contact_id FROM campaign_recipients WHERE campaign_id = $1 AND status = ANY($2::text[]) ORDER BY seq`, [campaignId, statuses]);
    return rows.map((r: { contact_id: string }) => r.contact_id);
  }

  /** The campaign's recipients, as the counters' total counts them. */
  async countRecipients(campaignId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 AND NOT ${removed()}`, [campaignId]);
    return row.n;
  }

  /**
   * What the failure guard judges: attempted (sent, delivered, read or failed) and failed sends, recipients that
   * may be sent (not skipped), those still to do, and where the guard's current window starts.
   */
  async failureWindow(campaignId: string): Promise<{
    attempted: number; failed: number; eligible: number; pending: number; attemptedBase: number; failedBase: number;
  } | null> {
    const [row] = await this.db.query(
      `SELECT s.sent + s.failed AS attempted, s.failed, s.total - s.skipped AS eligible, s.pending,
              d.guard_attempted_base AS attempted_base, d.guard_failed_base AS failed_base
         FROM campaign_stats s JOIN dispatch_runs d ON d.campaign_id = s.campaign_id WHERE s.campaign_id = $1`,
      [campaignId],
    );
    return row
      ? { attempted: row.attempted, failed: row.failed, eligible: row.eligible, pending: row.pending, attemptedBase: row.attempted_base, failedBase: row.failed_base }
      : null;
  }

  /** The failure guard paused the campaign: after a resume it judges only what is attempted from here on. */
  async restartFailureWindow(campaignId: string, attempted: number, failed: number): Promise<void> {
    await this.db.query(`UPDATE dispatch_runs SET guard_attempted_base = $2, guard_failed_base = $3 WHERE campaign_id = $1`, [campaignId, attempted, failed]);
  }

  /** Opens a claim lease for one pump: the token it stamps its rows with, valid for `ms` unless renewed. */
  async openLease(campaignId: string, workerId: string, ms: number): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO dispatch_leases (token, campaign_id, worker_id, expires_at)
       VALUES (gen_random_uuid(), $1, $2, now() + ($3::int * interval '1 millisecond')) RETURNING token`,
      [campaignId, workerId, ms],
    );
    return row.token;
  }

  /** Extends a lease that is still live; false once it expired (its rows may already belong to someone else). */
  async renewLease(token: string, ms: number): Promise<boolean> {
    const rows = rowsOf(await this.db.query(
      `UPDATE dispatch_leases SET expires_at = now() + ($2::int * interval '1 millisecond')
        WHERE token = $1 AND expires_at > now() RETURNING token`,
      [token, ms],
    ));
    return rows.length === 1;
  }

  /** Ends a lease: rows it still holds unattempted go back to the pool. */
  async endLease(token: string): Promise<void> {
    await this.db.query(`UPDATE campaign_recipients SET status = 'pending', claim_token = NULL, claimed_at = NULL WHERE claim_token = $1 AND status = 'queued'`, [token]);
    await this.db.query(`DELETE FROM dispatch_leases WHERE token = $1`, [token]);
  }

  /**
   * Claims up to `limit` due pending rows under a live lease; SKIP LOCKED lets several pumps share a
   * campaign. Nothing is claimed when the lease has expired.
   */
  async claim(campaignId: string, token: string, limit: number): Promise<ClaimedRecipient[]> {
    const rows = rowsOf(await this.db.query(
      `UPDATE campaign_recipients r SET status = 'queued', claim_token = $3, claimed_at = now()
        WHERE r.id IN (SELECT id FROM campaign_recipients
                        WHERE campaign_id = $1 AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                        ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
          AND ${leaseLive('$3')}
        RETURNING r.id, r.contact_id, r.phone, r.attempts - r.attempts_before_retry AS attempts, r.tz`,
      [campaignId, limit, token],
    ));
    return rows.map((r) => ({
      id: r.id as string,
      contactId: r.contact_id as string,
      phone: r.phone as string,
      attempts: r.attempts as number,
      tz: r.tz as string | null,
    }));
  }

  /**
   * Moves claimed rows to `sending` just before their HTTP calls, only for the holder of a live lease.
   * Answers the ids it moved: those, and only those, may be sent.
   */
  async markSending(ids: string[], token: string): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = rowsOf(await this.db.query(
      `UPDATE campaign_recipients r SET status = 'sending', claimed_at = now()
        WHERE r.id = ANY($1::uuid[]) AND r.status = 'queued' AND r.claim_token = $2 AND ${leaseLive('$2')}
        RETURNING r.id`,
      [ids, token],
    ));
    return new Set(rows.map((r) => r.id as string));
  }

  /**
   * Gives rows this lease claimed but never attempted back to the pool (pause, stop, lost lease, shutdown),
   * including rows marked `sending` whose call was never made, even if the sweep has meanwhile failed
   * them as uncertain: their holder knows nothing left. Not those once the campaign has completed (a holder
   * frozen past the uncertain timeout wakes after the end): a completed campaign has nobody pending, so they
   * stay settled as uncertain.
   */
  async release(ids: string[], token: string, campaignCompleted: boolean): Promise<void> {
    if (!ids.length) return;
    await retryOnDeadlock(() => this.db.query(
      withCounters(
        `o AS (
           SELECT id, status AS old_status FROM campaign_recipients
            WHERE id = ANY($1::uuid[]) AND claim_token = $2
              AND (status IN ('queued', 'sending') OR (status = 'failed' AND error_code = '${RecipientErrorCode.DISPATCH_UNCERTAIN}' AND NOT $3::boolean))
            ORDER BY id FOR UPDATE),
         u AS (
           UPDATE campaign_recipients r SET status = 'pending', claim_token = NULL, claimed_at = NULL,
                  error_code = CASE WHEN o.old_status = 'failed' THEN NULL ELSE r.error_code END,
                  error_message = CASE WHEN o.old_status = 'failed' THEN NULL ELSE r.error_message END,
                  failed_at = NULL
             FROM o WHERE r.id = o.id
           RETURNING r.campaign_id, o.old_status, r.status)`,
        `SELECT campaign_id, old_status, status, 1 AS n FROM u`,
      ),
      [ids, token, campaignCompleted],
    ));
  }

  /**
   * Records send outcomes. A definitive answer also corrects a row the sweep failed as uncertain meanwhile.
   * Rows a status webhook already moved on keep the webhook's status, but still get their rendered variables.
   */
  async record(outcomes: Outcome[]): Promise<void> {
    if (!outcomes.length) return;
    await this.writeWithMessageEvents(
      withCounters(
        `o AS (
       -- The rows named, locked in id order (ledger writers never deadlock), with whether the outcome applies.
       SELECT id, status AS old_status,
              (status IN ('queued', 'sending') OR (status = 'failed' AND error_code = '${RecipientErrorCode.DISPATCH_UNCERTAIN}')) IS TRUE AS applies
         FROM campaign_recipients WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE),
     u AS (
       UPDATE campaign_recipients r SET
          status = v.status,
          message_id = COALESCE(v.wamid, r.message_id),
          error_code = v.code,
          error_message = v.msg,
          variables = COALESCE(v.vars, r.variables),
          attempts = r.attempts + v.inc,
          next_attempt_at = v.next_at,
          claim_token = NULL,
          claimed_at = CASE WHEN v.status = 'pending' THEN NULL ELSE r.claimed_at END,
          sent_at = CASE WHEN v.status = 'sent' THEN COALESCE(r.sent_at, now()) ELSE r.sent_at END,
          failed_at = CASE WHEN v.status = 'failed' THEN now() END
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[], $8::timestamptz[])
               AS v(id, status, wamid, code, msg, vars, inc, next_at), o
       WHERE r.id = v.id AND o.id = v.id AND o.applies
       RETURNING r.id, r.campaign_id, o.old_status, r.status, r.contact_id, r.phone, r.message_id, r.error_code),
     late AS (
       -- A status webhook got there first: its status stays, and the row still gets the variables it was sent with.
       UPDATE campaign_recipients r SET variables = v.vars FROM unnest($1::uuid[], $6::jsonb[]) AS v(id, vars), o
        WHERE r.id = v.id AND o.id = v.id AND NOT o.applies AND v.vars IS NOT NULL AND r.variables IS NULL)`,
        `SELECT id, campaign_id, old_status, status, 1 AS n, contact_id, phone, message_id, error_code FROM u`,
      ),
      [
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.status),
        outcomes.map((o) => o.wamid ?? null),
        outcomes.map((o) => o.code ?? null),
        outcomes.map((o) => o.message?.slice(0, 1000) ?? null),
        outcomes.map((o) => (o.variables ? JSON.stringify(o.variables) : null)),
        outcomes.map((o) => (o.countAttempt ? 1 : 0)),
        outcomes.map((o) => o.nextAttemptAt ?? null),
      ],
      false,
    );
  }

  /**
   * Applies WhatsApp status reports, only ever forwards (sent < delivered < read; failed only before
   * delivery). A row failed as DISPATCH_UNCERTAIN is corrected when proof of the send arrives.
   */
  async applyStatuses(reports: StatusReport[]): Promise<void> {
    if (!reports.length) return;
    await this.writeWithMessageEvents(
      withCounters(
        `v AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::uuid[])
                  AS v(wamid, rid, status, at, code, msg, channel_id)),
       -- Two plain index probes per report; one join ON wamid OR id took a BitmapOr per report (half again as slow).
       -- A report matched by both finds the same row twice, which DISTINCT ON folds. A row matches only if its
       -- campaign was sent on the reporting channel: a tenant's signed payload can't name another's messages.
       hits AS (
         SELECT r.id, v.wamid, v.rid, v.status, v.at, v.code, v.msg FROM v JOIN campaign_recipients r ON r.message_id = v.wamid
           JOIN dispatch_runs d ON d.campaign_id = r.campaign_id AND v.channel_id = ANY(d.channel_ids)
         UNION ALL
         SELECT r.id, v.wamid, v.rid, v.status, v.at, v.code, v.msg FROM v JOIN campaign_recipients r ON r.id = v.rid AND r.message_id IS NULL
           JOIN dispatch_runs d ON d.campaign_id = r.campaign_id AND v.channel_id = ANY(d.channel_ids)),
       m AS (
         SELECT DISTINCT ON (id) * FROM hits
          ORDER BY id, CASE status WHEN 'read' THEN 4 WHEN 'delivered' THEN 3 WHEN 'failed' THEN 2 ELSE 1 END DESC),
       -- Only rows the report can still move are locked: statuses only go forwards, so a row the snapshot
       -- shows at or past the report (most 'sent' reports, every duplicate) never becomes movable by it. A row
       -- changed meanwhile is re-checked against its new version once locked.
       locked AS (SELECT r.id, r.status AS old_status, m.wamid, m.status, m.at, m.code, m.msg
                    FROM campaign_recipients r JOIN m ON m.id = r.id
                   WHERE ${STATUS_REPORT_APPLIES} ORDER BY r.id FOR UPDATE OF r),
       u AS (
       UPDATE campaign_recipients r SET
          status = l.status,
          message_id = COALESCE(r.message_id, l.wamid),
          error_code = CASE WHEN l.status = 'failed' THEN l.code ELSE NULL END,
          error_message = CASE WHEN l.status = 'failed' THEN l.msg ELSE NULL END,
          sent_at = COALESCE(r.sent_at, CASE WHEN l.status <> 'failed' THEN l.at END),
          delivered_at = COALESCE(r.delivered_at, CASE WHEN l.status IN ('delivered', 'read') THEN l.at END),
          read_at = COALESCE(r.read_at, CASE WHEN l.status = 'read' THEN l.at END),
          failed_at = CASE WHEN l.status = 'failed' THEN l.at ELSE NULL END
         FROM locked l
        WHERE r.id = l.id
        RETURNING r.id, r.campaign_id, l.old_status, r.status, r.contact_id, r.phone, r.message_id, r.error_code)`,
        `SELECT id, campaign_id, old_status, status, 1 AS n, contact_id, phone, message_id, error_code FROM u`,
      ),
      [
        reports.map((r) => r.wamid),
        reports.map((r) => (r.recipientId && UUID.test(r.recipientId) ? r.recipientId : null)),
        reports.map((r) => r.status),
        reports.map((r) => r.at),
        reports.map((r) => r.code ?? null),
        reports.map((r) => r.message?.slice(0, 1000) ?? null),
        reports.map((r) => r.channelId),
      ],
      false,
    );
  }

  /**
   * Sends whose outcome stayed unknown too long (the process died mid-call and no webhook came). A row
   * whose lease is still live is not touched: its holder is alive and will record what happened.
   */
  async failUncertain(olderThanMs: number): Promise<void> {
    await retryOnDeadlock(() => this.db.query(
      withCounters(
        `u AS (
         UPDATE campaign_recipients r SET status = 'failed', error_code = '${RecipientErrorCode.DISPATCH_UNCERTAIN}',
                error_message = 'The send was interrupted and WhatsApp never reported it', failed_at = now()
          WHERE r.status = 'sending' AND r.claimed_at < now() - ($1::int * interval '1 millisecond')
            AND NOT EXISTS (SELECT 1 FROM dispatch_leases l WHERE l.token = r.claim_token AND l.expires_at > now())
          RETURNING r.campaign_id, 'sending'::text AS old_status, r.status)`,
        `SELECT campaign_id, old_status, status, 1 AS n FROM u`,
      ),
      [olderThanMs],
    ));
  }

  /**
   * A retry: the campaign's failed rows with one of `codes` go back to pending, their attempt count and last
   * error kept as history (the retry budget restarts from here, and the old wamid is let go so a late status
   * of the failed message can't move the new send). With `dropUnattempted`, rows never attempted become
   * skipped, claimed ones too (a pump that still holds them can no longer mark them `sending`). Runs in the caller's transaction; answers how many rows went back to pending.
   */
  async requeueFailed(m: EntityManager, campaignId: string, codes: string[], dropUnattempted: boolean): Promise<number> {
    const rows = await m.query(
      withCounters(
        `o AS (
           SELECT id, status AS old_status FROM campaign_recipients
            WHERE campaign_id = $1 AND ((status = 'failed' AND error_code = ANY($2::text[])) OR ($3 AND status IN ('pending', 'waiting', 'queued')))
            ORDER BY id FOR UPDATE),
         u AS (
           UPDATE campaign_recipients r SET
                  status = CASE WHEN o.old_status = 'failed' THEN 'pending' ELSE 'skipped' END,
                  attempts_before_retry = CASE WHEN o.old_status = 'failed' THEN r.attempts ELSE r.attempts_before_retry END,
                  error_code = CASE WHEN o.old_status = 'failed' THEN r.error_code ELSE '${RecipientErrorCode.CAMPAIGN_STOPPED}' END,
                  error_message = CASE WHEN o.old_status = 'failed' THEN r.error_message ELSE 'The campaign was stopped before this recipient was sent' END,
                  message_id = NULL, next_attempt_at = NULL, claim_token = NULL, claimed_at = NULL, failed_at = NULL
             FROM o WHERE r.id = o.id
           RETURNING r.campaign_id, o.old_status, r.status)`,
        `SELECT campaign_id, old_status, status, count(*)::int AS n FROM u GROUP BY 1, 2, 3`,
      ),
      [campaignId, codes, dropUnattempted],
    );
    return (rows as TransitionRow[]).filter((r) => r.status === RecipientStatus.PENDING).reduce((sum, r) => sum + Number(r.n), 0);
  }

  /** Claimed rows whose lease expired (its pump died or froze) go back to the pool; expired leases are dropped. */
  async releaseExpiredClaims(): Promise<void> {
    await this.db.query(
      `UPDATE campaign_recipients r SET status = 'pending', claim_token = NULL, claimed_at = NULL
        WHERE r.status = 'queued'
          AND NOT EXISTS (SELECT 1 FROM dispatch_leases l WHERE l.token = r.claim_token AND l.expires_at > now())`,
    );
    await this.db.query(`DELETE FROM dispatch_leases WHERE expires_at <= now()`);
  }

  /**
   * Whether anything is left to do, and when the earliest delayed row (a retry, or a recipient outside its
   * send window) falls due. What waits is recorded for the campaign's API object.
   */
  async progress(campaignId: string): Promise<{ open: number; dueNow: number; nextAttemptAt: Date | null }> {
    const [row] = await this.db.query(
      `WITH p AS (
         SELECT count(*)::int AS open,
                -- A waiting row whose window opened is due: the pump's gate moves it back to pending.
                count(*) FILTER (WHERE status IN ('pending', 'waiting') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))::int AS due_now,
                count(*) FILTER (WHERE status IN ('pending', 'waiting') AND next_attempt_at > now())::int AS waiting,
                min(next_attempt_at) FILTER (WHERE status IN ('pending', 'waiting') AND next_attempt_at > now()) AS next_attempt_at
           FROM campaign_recipients WHERE campaign_id = $1 AND status IN ('pending', 'waiting', 'queued', 'sending')),
       w AS (UPDATE dispatch_runs d SET waiting = p.waiting, next_due_at = CASE WHEN p.due_now = 0 THEN p.next_attempt_at END
               FROM p WHERE d.campaign_id = $1)
       SELECT * FROM p`,
      [campaignId],
    );
    return { open: row.open, dueNow: row.due_now, nextAttemptAt: row.next_attempt_at };
  }

  async waitingRecipients(campaignIds: string[]): Promise<Map<string, { waiting: number; nextDueAt: Date | null }>> {
    const rows = await this.db.query(`SELECT campaign_id, waiting, next_due_at FROM dispatch_runs WHERE campaign_id = ANY($1::uuid[])`, [campaignIds]);
    return new Map(rows.map((r: { campaign_id: string; waiting: number; next_due_at: Date | null }) => [r.campaign_id, { waiting: r.waiting, nextDueAt: r.next_due_at }]));
  }

  /**
   * Gives each recipient still without a zone its own (`zoneOf` from its phone and contact), a slice at a
   * time, and records the zones the campaign spans. Idempotent: a re-run (widened audience, crash) only
   * fills the rows still missing one.
   */
  async assignZones(campaignId: string, zoneOf: (rows: Array<{ id: string; contactId: string; phone: string }>) => Promise<string[]>, slice = 10_000): Promise<void> {
    for (;;) {
      const rows: Array<{ id: string; contact_id: string; phone: string }> = await this.db.query(
        `SELECT id, contact_id, phone FROM campaign_recipients WHERE campaign_id = $1 AND tz IS NULL AND status IN ('pending', 'waiting') LIMIT $2`,
        [campaignId, slice],
      );
      if (!rows.length) break;
      const zones = await zoneOf(rows.map((r) => ({ id: r.id, contactId: r.contact_id, phone: r.phone })));
      await this.db.query(`UPDATE campaign_recipients r SET tz = v.tz FROM unnest($1::uuid[], $2::text[]) AS v(id, tz) WHERE r.id = v.id`, [rows.map((r) => r.id), zones]);
      if (rows.length < slice) break;
    }
    await this.db.query(
      `UPDATE dispatch_runs SET zones = (SELECT array_agg(DISTINCT tz) FROM campaign_recipients WHERE campaign_id = $1 AND tz IS NOT NULL) WHERE campaign_id = $1`,
      [campaignId],
    );
  }

  /** The zones a campaign's recipients span (null: none assigned, every row is in the campaign's own zone). */
  async zones(campaignId: string): Promise<string[] | null> {
    const [row] = await this.db.query(`SELECT zones FROM dispatch_runs WHERE campaign_id = $1`, [campaignId]);
    return row?.zones ?? null;
  }

  /**
   * Keeps a campaign's sends inside its send window, in one statement: pending rows of the zones whose window
   * is closed become `waiting`, due when it opens; waiting rows of the other zones become pending again.
   * Waiting rows sit apart from pending ones in the claim index, so claims never scan past them. Both count
   * as pending, so the counters (moved in the same statement as ever) don't change. Rows without a zone are
   * in `ownZone`, the campaign's (null: they are left as they are).
   */
  async deferClosedZones(campaignId: string, closed: Array<{ zone: string; opensAt: Date }>, ownZone: string | null): Promise<void> {
    await retryOnDeadlock(() => this.db.query(
      withCounters(
        `v AS (SELECT * FROM unnest($2::text[], $3::timestamptz[]) AS v(zone, opens_at)),
         o AS (
           SELECT r.id, r.status AS old_status, v.opens_at FROM campaign_recipients r LEFT JOIN v ON v.zone = COALESCE(r.tz, $4::text)
            WHERE r.campaign_id = $1 AND r.status IN ('pending', 'waiting')
              AND ((r.status = 'pending' AND v.zone IS NOT NULL) OR (r.status = 'waiting' AND v.zone IS NULL AND COALESCE(r.tz, $4::text) IS NOT NULL))
            ORDER BY r.id FOR UPDATE OF r),
         u AS (
           UPDATE campaign_recipients r SET status = CASE WHEN o.old_status = 'pending' THEN 'waiting' ELSE 'pending' END,
                  next_attempt_at = CASE WHEN o.old_status = 'pending' THEN GREATEST(o.opens_at, r.next_attempt_at) END
             FROM o WHERE r.id = o.id
           RETURNING r.campaign_id, o.old_status, r.status)`,
        `SELECT campaign_id, old_status, status, count(*)::int AS n FROM u GROUP BY 1, 2, 3`,
      ),
      [campaignId, closed.map((c) => c.zone), closed.map((c) => c.opensAt), ownZone],
    ));
  }

  async purge(campaignId: string): Promise<void> {
    await this.db.query(`DELETE FROM campaign_recipients WHERE campaign_id = $1`, [campaignId]);
  }

  /**
   * Recounts a campaign's counters from its rows. Exact even while the campaign sends: the counter row is
   * locked first, so a write that committed before is in the count, and one still running waits for the
   * lock (its counter change is not yet applied, and its rows are not in the count) and applies after.
   */
  async recountStats(campaignId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`INSERT INTO campaign_stats (campaign_id) VALUES ($1) ON CONFLICT DO NOTHING`, [campaignId]);
      await m.query(`SELECT 1 FROM campaign_stats WHERE campaign_id = $1 FOR UPDATE`, [campaignId]);
      await m.query(
        `WITH t AS (SELECT campaign_id, NULL::text AS old_status, status, count(*)::int AS n FROM campaign_recipients
                     WHERE campaign_id = $1 AND NOT ${removed()} GROUP BY 1, 3)
         UPDATE campaign_stats c SET (${STATS_COUNTERS.join(', ')}) = (SELECT ${STATS_COUNTERS.map((k) => `COALESCE(x.${k}, 0)`).join(', ')}
                                     FROM (SELECT ${COUNTER_CHANGES} FROM t) x), updated_at = now()
          WHERE c.campaign_id = $1`,
        [campaignId],
      );
    });
  }
}
