import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { QueryBus } from '@nestjs/cqrs';
import { GetContactsQuery, ListMemberVariablesQuery, OptOutContactCommand, optedOutFor } from '@app/audience';
import { AutoPauseCampaignCommand, FailCampaignCommand, RenderedMessage } from '@app/campaign';
import { Env } from '@app/platform';
import { WhatsAppApiError, WhatsAppClient } from '@app/whatsapp';
import { ClaimedRecipient, Outcome, RecipientLedger } from '../database/recipient-ledger';
import { AutoPauseReason, RecipientErrorCode } from '../domain/dispatch.errors';
import { RecipientStatus } from '../domain/recipient-status';
import { ChannelRateLimiter } from './channel-rate-limiter';
import { EngineCommands } from './engine-commands';
import { InFlightWindows } from './in-flight-window';
import { PumpRun } from './pump-run';
import { SendWindowGate } from './send-window-gate';
import { judgeSendError } from './send-outcome';
import { inFlightWindow, rateLimiterWait, recordSend } from '../dispatch.metrics';

interface Sendable {
  row: ClaimedRecipient;
  msg: RenderedMessage;
}

/**
 * Sends one claimed batch through the channel's rate limiter, keeping as many calls in flight as the
 * channel's rate needs at the latency it answers with (within the worker's share). A row is moved to
 * `sending` only when a call slot is free for it and only under the pump's live lease, so at any moment
 * no more rows than the window are `sending` (the most a crash can leave uncertain); only the rows
 * Postgres confirmed are called.
 */
@Injectable()
export class BatchSender {
  private readonly logger = new Logger(BatchSender.name);

  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly client: WhatsAppClient,
    private readonly limiter: ChannelRateLimiter,
    private readonly windows: InFlightWindows,
    private readonly env: Env,
  ) {}

  /**
   * Starts a call for each sendable row of a claimed batch and returns once every row is called or handed
   * back; the calls may still be in flight (`settle` waits for them).
   */
  async send(run: PumpRun, rows: ClaimedRecipient[]): Promise<void> {
    const sendable = await this.render(run, rows);
    const uncalled: string[] = [];
    let next = 0;
    try {
      while (next < sendable.length && (await run.proceed())) {
        if (run.outcomes.full()) {
          await run.outcomes.drain();
          continue;
        }
        const window = this.windows.windowFor(run.channel.id, run.channel.messagesPerSecond);
        inFlightWindow.set({ channel_id: run.channel.id }, window);
        const room = window - run.calls.size;
        if (room <= 0) {
          await run.calls.freed();
          continue;
        }
        const want = Math.min(sendable.length - next, Math.max(1, Math.ceil(run.channel.messagesPerSecond / 10)), room);
        const waitStart = performance.now();
        const granted = await this.limiter.acquire(run.channel.id, run.channel.messagesPerSecond, want, () => !run.mayCall());
        rateLimiterWait.inc({ channel_id: run.channel.id }, (performance.now() - waitStart) / 1000);
        if (!granted) break;
        let chunk = sendable.slice(next, next + granted);
        const admitted = await this.limiter.admitUniqueUsers(run.channel.id, run.channel.messagingLimit, chunk.map((c) => c.row.phone));
        if (admitted < chunk.length) {
          chunk = chunk.slice(0, admitted);
          run.halted = true;
          await this.engine.run(new AutoPauseCampaignCommand(run.info.id, AutoPauseReason.MESSAGING_LIMIT_REACHED));
        }
        next += chunk.length;
        const mine = await this.ledger.markSending(chunk.map((c) => c.row.id), run.lease.token);
        // Fewer rows than asked: the lease expired under us, and the rest may already belong to another pump.
        if (mine.size < chunk.length) run.halted = true;
        // The wait for tokens and the two writes above can take long under load: the status read that let
        // this chunk through may be older than a pause, so it is re-read (when stale) before any call starts.
        const go = await run.proceed();
        for (const item of chunk) {
          if (!mine.has(item.row.id)) continue;
          if (!go || !run.mayCall()) {
            uncalled.push(item.row.id);
            continue;
          }
          run.calls.add(
            this.sendOne(run, item).then((o) => {
              if (o) run.outcomes.push(o);
            }),
          );
        }
      }
    } finally {
      // Claimed (or marked) but never called: paused, stopped, halted, lease lost. Back to the pool, untouched.
      const unsent = [...sendable.slice(next).map((s) => s.row.id), ...uncalled];
      if (unsent.length) await this.ledger.release(unsent, run.lease.token, await run.completed());
    }
  }

  /** Waits for the pump's calls in flight and writes every outcome: what a pump does before its lease ends. */
  async settle(run: PumpRun): Promise<void> {
    await run.calls.settled();
    await run.outcomes.drain();
  }

  /** Renders each claimed row; rows that can't be sent are recorded as skipped at once. */
  private async render(run: PumpRun, rows: ClaimedRecipient[]): Promise<Sendable[]> {
    const sendable: Sendable[] = [];
    // Fields and opt-out are read now, not at materialisation: a later opt-out or correction still counts.
    const ids = rows.map((r) => r.contactId);
    const [contacts, own] = await Promise.all([
      this.queries.execute(new GetContactsQuery(run.info.workspaceId, ids)),
      this.queries.execute(new ListMemberVariablesQuery(run.info.id, ids)),
    ]);
    const now = new Date();
    for (const row of rows) {
      // Its window closed between the deferral before the claim and now: it waits for the next opening.
      const opensAt = SendWindowGate.closedUntil(run.info.sendWindow, row.tz, now);
      if (opensAt) {
        run.outcomes.push({ id: row.id, status: RecipientStatus.PENDING, code: null, message: null, countAttempt: false, nextAttemptAt: opensAt });
        continue;
      }
      const contact = contacts.get(row.contactId);
      if (!contact || optedOutFor(contact, run.template.category)) {
        run.outcomes.push({
          id: row.id,
          status: RecipientStatus.SKIPPED,
          code: contact ? RecipientErrorCode.OPTED_OUT : RecipientErrorCode.CONTACT_DELETED,
          message: contact ? 'Contact opted out' : 'Contact was deleted before the message was sent',
        });
        continue;
      }
      const msg = run.render({ ...contact, phone: row.phone }, own.get(row.contactId));
      if (msg.missing.length) {
        run.outcomes.push({
          id: row.id,
          status: RecipientStatus.SKIPPED,
          code: RecipientErrorCode.MISSING_VARIABLE,
          message: `No value for ${msg.missing.join(', ')}`,
          variables: msg.variables,
        });
      } else sendable.push({ row, msg });
    }
    return sendable;
  }

  /** One HTTP call and what it means for the recipient; null when nobody knows whether it left. */
  private async sendOne(run: PumpRun, { row, msg }: Sendable): Promise<Outcome | null> {
    const started = performance.now();
    try {
      const { wamid } = await this.client.sendTemplate(
        { apiBaseUrl: run.channel.apiBaseUrl, apiVersion: this.env.WHATSAPP_API_VERSION, accessToken: run.channel.accessToken, phoneNumberId: run.channel.phoneNumberId },
        { to: row.phone, templateName: run.template.name, language: run.template.language, components: msg.components, bizOpaqueCallbackData: row.id },
      );
      this.windows.observe(run.channel.id, performance.now() - started);
      recordSend(run.channel.id, 'accepted', undefined, performance.now() - started);
      return { id: row.id, status: RecipientStatus.SENT, wamid, variables: msg.variables };
    } catch (e) {
      if (!(e instanceof WhatsAppApiError)) {
        recordSend(run.channel.id, 'uncertain', undefined, performance.now() - started);
        this.logger.error(`send to recipient ${row.id} failed unexpectedly: ${(e as Error).message}`);
        return null; // not knowing whether it left, we must not resend: reconciliation decides
      }
      const verdict = judgeSendError(e, row.attempts, new Date());
      const outcome = !verdict.recipient ? 'uncertain' : verdict.recipient.status === RecipientStatus.FAILED ? 'failed' : verdict.recipient.countAttempt ? 'retry' : 'paused';
      recordSend(run.channel.id, outcome, e.code ?? e.httpStatus, performance.now() - started);
      if (verdict.campaign) run.halted = true;
      // The recipient's outcome is recorded whatever happens to these side effects (each logs its own failure).
      await Promise.all([
        verdict.slowChannel && this.limiter.slowDown(run.channel.id, verdict.slowChannel.holdMs),
        verdict.campaign &&
          this.engine.run(
            verdict.campaign.action === 'fail'
              ? new FailCampaignCommand(run.info.id, verdict.campaign.reason)
              : new AutoPauseCampaignCommand(run.info.id, verdict.campaign.reason),
          ),
        verdict.optOut && this.engine.run(new OptOutContactCommand(run.info.workspaceId, row.contactId, 'MARKETING')),
      ].map((p) => Promise.resolve(p).catch((err: Error) => this.logger.warn(`after ${e.code ?? e.httpStatus} for ${row.id}: ${err.message}`))));
      return verdict.recipient && { id: row.id, ...verdict.recipient, variables: msg.variables };
    }
  }
}
