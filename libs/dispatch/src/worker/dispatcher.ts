import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetContactsQuery, OptOutContactCommand } from '@app/audience';
import {
  AutoPauseCampaignCommand, CampaignDispatchInfo, CampaignStatus, CompleteCampaignCommand, compileRenderer, FailCampaignCommand,
  GetCampaignDispatchInfoQuery, RenderedMessage, TEMPLATE_PAUSED,
} from '@app/campaign';
import { ChannelCredentials, GetTemplateQuery, ResolveChannelQuery, TemplateSummary } from '@app/catalog';
import { Env } from '@app/platform';
import { WhatsAppApiError, WhatsAppClient } from '@app/whatsapp';
import { ClaimedRecipient, Outcome, RecipientLedger } from '../database/recipient-ledger';
import { AutoPauseReason, RecipientErrorCode } from '../domain/dispatch.errors';
import { RecipientStatus } from '../domain/recipient-status';
import { DispatchQueue } from '../dispatch-queue';
import { StatsPublisher } from '../stats-publisher';
import { CampaignLock } from './campaign-lock';
import { ChannelRateLimiter } from './channel-rate-limiter';
import { EngineCommands } from './engine-commands';

/** A pump runs this long, then hands over to a fresh job so campaigns share workers fairly. */
const SLICE_MS = 20_000;
/** Outcomes are written in groups of this many (or when a batch ends). */
const FLUSH_EVERY = 200;
/** How often a running batch re-reads the campaign status, so a pause stops new sends quickly. */
const STATUS_CHECK_MS = 200;
/** Meta's pair rate limit (131056) wants at least 6 s between messages to one user. */
const PAIR_RETRY_BASE_MS = 6_000;
const MAX_RECIPIENT_ATTEMPTS = 3;
const MAX_CHANNEL_RETRIES = 20;

const AUTO_PAUSE_BY_CODE: Record<number, string> = {
  132015: TEMPLATE_PAUSED,
  131048: AutoPauseReason.SPAM_RATE_LIMIT,
};

interface Run {
  info: CampaignDispatchInfo;
  template: TemplateSummary;
  channel: ChannelCredentials;
  render: (contact: Parameters<ReturnType<typeof compileRenderer>>[0]) => RenderedMessage;
  halted: boolean;
  channelErrors: number;
  lastStatusCheck: number;
}

/**
 * Sends a campaign's recipients, batch by batch, as fast as its channel allows. Exactly once: a row is
 * claimed (`queued`), marked `sending` just before its HTTP call, and its outcome recorded after; a row
 * left `sending` by a crash is never resent, only reconciled (webhook) or failed as DISPATCH_UNCERTAIN.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger(Dispatcher.name);

  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly stats: StatsPublisher,
    private readonly engine: EngineCommands,
    private readonly client: WhatsAppClient,
    private readonly limiter: ChannelRateLimiter,
    private readonly lock: CampaignLock,
    private readonly queue: DispatchQueue,
    private readonly env: Env,
  ) {}

  async pump(campaignId: string): Promise<void> {
    const lock = await this.lock.acquire(campaignId);
    if (!lock) return; // another worker is pumping it; it re-checks for work when it finishes
    try {
      const run = await this.prepare(campaignId);
      if (!run) return;
      const deadline = Date.now() + SLICE_MS;
      while (Date.now() < deadline && (await this.checkpoint(run, () => lock.extend()))) {
        const rows = await this.ledger.claim(campaignId, run.info.batchSize);
        if (!rows.length) break;
        await this.sendBatch(run, rows, () => lock.extend());
        if (run.halted) break;
        if (run.info.batchDelayMs) await this.sleepWhileRunning(run, run.info.batchDelayMs, () => lock.extend());
      }
    } finally {
      await lock.release();
    }
    await this.afterPump(campaignId);
  }

  /** Loads what a pump needs; a template that is no longer sendable stops the campaign here. */
  private async prepare(campaignId: string): Promise<Run | null> {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(campaignId));
    if (!info || info.status !== CampaignStatus.RUNNING) return null;
    const template = await this.queries.execute(new GetTemplateQuery(info.workspaceId, info.templateId));
    if (!template || template.status !== 'APPROVED') {
      const status = template?.status ?? 'DELETED';
      await (status === 'PAUSED'
        ? this.engine.run(new AutoPauseCampaignCommand(campaignId, TEMPLATE_PAUSED))
        : this.engine.run(new FailCampaignCommand(campaignId, `Template ${template?.name ?? info.templateId} is ${status}`)));
      return null;
    }
    let channel: ChannelCredentials;
    try {
      channel = await this.queries.execute(new ResolveChannelQuery(info.workspaceId, info.channelId));
    } catch (e) {
      await this.engine.run(new FailCampaignCommand(campaignId, `Channel unavailable: ${(e as Error).message}`));
      return null;
    }
    return { info, template, channel, render: compileRenderer(template, info.variableMapping), halted: false, channelErrors: 0, lastStatusCheck: Date.now() };
  }

  /**
   * Re-reads the campaign status at most every STATUS_CHECK_MS (a pause must stop new sends quickly)
   * and keeps the pump's lock alive; false once the campaign is no longer RUNNING.
   */
  private async checkpoint(run: Run, keepAlive: () => Promise<boolean>): Promise<boolean> {
    if (!run.halted && Date.now() - run.lastStatusCheck >= STATUS_CHECK_MS) {
      run.lastStatusCheck = Date.now();
      if (await this.stillRunning(run)) await keepAlive();
    }
    return !run.halted;
  }

  private async stillRunning(run: Run): Promise<boolean> {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(run.info.id));
    if (!info || info.status !== CampaignStatus.RUNNING) run.halted = true;
    return !run.halted;
  }

  private async sleepWhileRunning(run: Run, ms: number, keepAlive: () => Promise<boolean>): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && (await this.stillRunning(run))) {
      await keepAlive();
      await new Promise((r) => setTimeout(r, Math.min(STATUS_CHECK_MS * 5, until - Date.now())));
    }
  }

  private async sendBatch(run: Run, rows: ClaimedRecipient[], keepAlive: () => Promise<boolean>): Promise<void> {
    const pending: Outcome[] = [];
    const flush = async () => {
      if (pending.length) this.stats.publish(await this.ledger.record(pending.splice(0)));
    };
    const sendable: Array<{ row: ClaimedRecipient; msg: RenderedMessage }> = [];
    // Fields and opt-out are read now, not at materialisation: a later opt-out or correction still counts.
    const contacts = await this.queries.execute(new GetContactsQuery(run.info.workspaceId, rows.map((r) => r.contactId)));
    for (const row of rows) {
      const contact = contacts.get(row.contactId);
      if (!contact || contact.opted_out) {
        pending.push({
          id: row.id,
          status: RecipientStatus.SKIPPED,
          code: contact ? RecipientErrorCode.OPTED_OUT : RecipientErrorCode.CONTACT_DELETED,
          message: contact ? 'Contact opted out' : 'Contact was deleted before the message was sent',
        });
        continue;
      }
      const msg = run.render({ ...contact, phone: row.phone });
      if (msg.missing.length) {
        pending.push({
          id: row.id,
          status: RecipientStatus.SKIPPED,
          code: RecipientErrorCode.MISSING_VARIABLE,
          message: `No value for ${msg.missing.join(', ')}`,
          variables: msg.variables,
        });
      } else sendable.push({ row, msg });
    }
    await flush();

    const inflight = new Set<Promise<void>>();
    const concurrency = this.env.DISPATCH_CONCURRENCY;
    // Callers waiting for a free HTTP slot, woken one per finished send. (Promise.race over the in-flight
    // set would attach a reaction to every pending send for each new one: measured, a tenth of the worker's CPU.)
    const waiting: Array<() => void> = [];
    let next = 0;
    while (next < sendable.length && (await this.checkpoint(run, keepAlive))) {
      const want = Math.min(sendable.length - next, Math.max(1, Math.ceil(run.channel.messagesPerSecond / 10)));
      const granted = await this.limiter.acquire(run.channel.id, run.channel.messagesPerSecond, want, () => run.halted);
      if (!granted) break;
      let chunk = sendable.slice(next, next + granted);
      const admitted = await this.limiter.admitUniqueUsers(run.channel.id, run.channel.messagingLimit, chunk.map((c) => c.row.phone));
      if (admitted < chunk.length) {
        chunk = chunk.slice(0, admitted);
        run.halted = true;
        await this.engine.run(new AutoPauseCampaignCommand(run.info.id, AutoPauseReason.MESSAGING_LIMIT_REACHED));
      }
      next += chunk.length;
      await this.ledger.markSending(chunk.map((c) => c.row.id));
      for (const item of chunk) {
        while (inflight.size >= concurrency) await new Promise<void>((wake) => waiting.push(wake));
        const p: Promise<void> = this.sendOne(run, item.row, item.msg)
          .then((o) => {
            if (o) pending.push(o);
          })
          .finally(() => {
            inflight.delete(p);
            waiting.shift()?.();
          });
        inflight.add(p);
      }
      if (pending.length >= FLUSH_EVERY) await flush();
    }
    await Promise.all(inflight);
    await flush();
    // Claimed but never attempted (paused, stopped, halted): back to the pool, untouched.
    await this.ledger.release(sendable.slice(next).map((s) => s.row.id));
  }

  /** One HTTP call and what it means for the recipient; null when the outcome is unknown. */
  private async sendOne(run: Run, row: ClaimedRecipient, msg: RenderedMessage): Promise<Outcome | null> {
    try {
      const { wamid } = await this.client.sendTemplate(
        { apiBaseUrl: run.channel.apiBaseUrl, apiVersion: this.env.WHATSAPP_API_VERSION, accessToken: run.channel.accessToken, phoneNumberId: run.channel.phoneNumberId },
        { to: row.phone, templateName: run.template.name, language: run.template.language, components: msg.components, bizOpaqueCallbackData: row.id },
      );
      run.channelErrors = 0;
      return { id: row.id, status: RecipientStatus.SENT, wamid, variables: msg.variables };
    } catch (e) {
      if (!(e instanceof WhatsAppApiError)) {
        this.logger.error(`send to recipient ${row.id} failed unexpectedly: ${(e as Error).message}`);
        return null; // not knowing whether it left, we must not resend: reconciliation decides
      }
      return this.classify(run, row, msg, e);
    }
  }

  private async classify(run: Run, row: ClaimedRecipient, msg: RenderedMessage, e: WhatsAppApiError): Promise<Outcome | null> {
    const code = e.code !== undefined ? String(e.code) : `HTTP_${e.httpStatus ?? 'ERROR'}`;
    const failed = (): Outcome => ({ id: row.id, status: RecipientStatus.FAILED, code, message: e.message, variables: msg.variables, countAttempt: true });
    switch (e.errorClass) {
      case 'uncertain':
        return null;
      case 'retry_channel': {
        run.channelErrors += 1;
        const backoff = e.retryAfterMs ?? Math.min(60_000, 500 * 2 ** Math.min(run.channelErrors, 7));
        await this.limiter.backOff(run.channel.id, backoff);
        if (row.attempts + 1 >= MAX_CHANNEL_RETRIES) return failed();
        return { id: row.id, status: RecipientStatus.PENDING, code, message: e.message, countAttempt: true, nextAttemptAt: null };
      }
      case 'retry_recipient':
        if (row.attempts + 1 >= MAX_RECIPIENT_ATTEMPTS) return failed();
        return {
          id: row.id,
          status: RecipientStatus.PENDING,
          code,
          message: e.message,
          countAttempt: true,
          nextAttemptAt: new Date(Date.now() + PAIR_RETRY_BASE_MS * 2 ** row.attempts),
        };
      case 'fatal':
        run.halted = true;
        await this.engine.run(new FailCampaignCommand(run.info.id, `${code}: ${e.message}`));
        return failed();
      case 'auto_pause':
        run.halted = true;
        await this.engine.run(new AutoPauseCampaignCommand(run.info.id, AUTO_PAUSE_BY_CODE[e.code ?? 0] ?? code));
        return { id: row.id, status: RecipientStatus.PENDING, code: null, message: null, nextAttemptAt: null };
      default:
        if (e.code === 131050) await this.engine.run(new OptOutContactCommand(run.info.workspaceId, row.contactId));
        return failed();
    }
  }

  /**
   * After a slice: finish the campaign when nothing is left, continue now if work is due, or come back
   * when the earliest delayed retry falls due. Rows still `sending` are settled by the sweep.
   */
  async afterPump(campaignId: string): Promise<void> {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(campaignId));
    if (!info || info.status !== CampaignStatus.RUNNING) return;
    const progress = await this.ledger.progress(campaignId);
    if (progress.open === 0) await this.engine.run(new CompleteCampaignCommand(campaignId));
    else if (progress.dueNow > 0) await this.queue.kick(campaignId);
    else if (progress.nextAttemptAt) await this.queue.kick(campaignId, progress.nextAttemptAt.getTime() - Date.now());
  }
}
