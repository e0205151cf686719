import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AudienceListRevisionQuery } from '@app/audience';
import {
  AutoPauseCampaignCommand, CampaignStatus, compileRenderer, FailCampaignCommand, GetCampaignDispatchInfoQuery, GetCampaignStatusQuery, TEMPLATE_PAUSED,
} from '@app/campaign';
import { ChannelCredentials, GetTemplateQuery, ResolveChannelQuery } from '@app/catalog';
import { Env } from '@app/platform';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { BatchSender } from './batch-sender';
import { CampaignLock } from './campaign-lock';
import { CampaignProgress } from './campaign-progress';
import { ClaimLease } from './claim-lease';
import { EngineCommands } from './engine-commands';
import { FailureGuard } from './failure-guard';
import { InFlightWindows } from './in-flight-window';
import { audienceKey } from './materialiser';
import { OutcomeBuffer } from './outcome-buffer';
import { PumpRun } from './pump-run';
import { SendWindowGate } from './send-window-gate';
import { recipientsClaimed } from '../dispatch.metrics';

/** A pump runs this long, then hands over to a fresh job so campaigns share workers fairly. */
const SLICE_MS = 20_000;
/** Outcomes a pump may hold while Postgres can't take them before it stops starting calls. */
const MAX_BUFFERED_OUTCOMES = 5_000;

/**
 * Pumps a campaign's recipients, batch by batch, as fast as its channel allows. Exactly once: rows are
 * claimed under a fenced lease (`queued`), moved to `sending` by that lease's live holder just before
 * their HTTP call, and their outcome recorded after; a row left `sending` by a crash is never resent,
 * only reconciled (webhook) or failed as DISPATCH_UNCERTAIN.
 */
@Injectable()
export class Dispatcher implements OnModuleDestroy {
  private readonly logger = new Logger(Dispatcher.name);
  /** Pumps running in this process; a shutdown halts them all. */
  private readonly runs = new Set<PumpRun>();
  private stopping = false;

  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly sender: BatchSender,
    private readonly lock: CampaignLock,
    private readonly progress: CampaignProgress,
    private readonly guard: FailureGuard,
    private readonly windows: InFlightWindows,
    private readonly queue: DispatchQueue,
    private readonly gate: SendWindowGate,
    private readonly env: Env,
  ) {}

  /**
   * Shutdown (before the queues close, which waits for running jobs): every pump stops claiming and calling,
   * lets its calls in flight finish and records them, and hands back what it claimed but did not call.
   */
  onModuleDestroy(): void {
    this.stopping = true;
    for (const run of this.runs) run.halted = true;
  }

  async pump(campaignId: string): Promise<void> {
    if (this.stopping) return; // the sweep of a live worker kicks the campaign again
    const lock = await this.lock.acquire(campaignId);
    if (!lock) return; // enough pumps already run it; each re-checks for work when it finishes
    let run: PumpRun | null = null;
    let claimed = 0;
    const started = Date.now();
    const leave = this.windows.enter();
    try {
      run = await this.prepare(campaignId, () => lock.extend());
      // Nothing to send: the campaign stopped running, or its rows wait for the materialiser (which kicks a pump after).
      if (!run) return;
      this.runs.add(run);
      if (this.stopping) run.halted = true;
      const deadline = Date.now() + SLICE_MS;
      // A second pump would halve the pause between batches a campaign asked for.
      let helped = lock.index > 0 || run.info.batchDelayMs > 0;
      while (Date.now() < deadline && (await run.proceed())) {
        if (run.zones.length) run.deferredZones = await this.gate.deferClosed(run.info, run.zones, run.deferredZones);
        const rows = await this.ledger.claim(campaignId, run.lease.token, run.info.batchSize);
        if (!rows.length) break;
        recipientsClaimed.inc(rows.length);
        claimed += rows.length;
        // A full batch means more is due: call a second pump, which any worker (this one too) may take.
        if (!helped && rows.length === run.info.batchSize && (await this.lock.hasFreeSlot(campaignId))) {
          helped = true;
          await this.queue.kick(campaignId);
        }
        await this.sender.send(run, rows);
        if (await this.guard.check(campaignId, run.info.maxFailureRate)) break;
        if (run.info.batchDelayMs) await run.sleep(run.info.batchDelayMs);
      }
    } finally {
      if (run) await this.sender.settle(run);
      if (run) this.runs.delete(run);
      leave();
      await run?.lease.close().catch((e: Error) => this.logger.warn(`lease of ${campaignId} not closed (it expires): ${e.message}`));
      await lock.release().catch((e: Error) => this.logger.warn(`pump lock of ${campaignId} not released (it expires): ${e.message}`));
      if (run) this.logger.log({ msg: 'pump slice', campaign_id: campaignId, workspace_id: run.info.workspaceId, claimed, ms: Date.now() - started, halted: run.halted });
    }
    if (run) await this.progress.advance(campaignId);
  }

  /** Loads what a pump needs and opens its lease; a template that is no longer sendable stops the campaign here. */
  private async prepare(campaignId: string, heartbeat: () => Promise<unknown>): Promise<PumpRun | null> {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(campaignId));
    if (!info || info.status !== CampaignStatus.RUNNING) return null;
    // An audience changed while paused is fitted first: no pump may send a row of a contact who left it.
    const wanted = audienceKey(info.audience, await this.queries.execute(new AudienceListRevisionQuery(campaignId)));
    if ((await this.ledger.materialisedAudience(campaignId)) !== wanted) {
      await this.queue.materialise(campaignId);
      return null;
    }
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
    const lease = await ClaimLease.open(this.ledger, campaignId, this.env.DISPATCH_LEASE_MS, heartbeat, this.logger);
    const outcomes = new OutcomeBuffer((o) => this.ledger.record(o), MAX_BUFFERED_OUTCOMES, this.logger);
    const zones = await this.gate.zonesOf(info);
    return new PumpRun(info, template, channel, compileRenderer(template, info.variableMapping), lease, outcomes, zones, () =>
      this.queries.execute(new GetCampaignStatusQuery(campaignId)),
    );
  }
}
