import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { WhatsAppModule } from '@app/whatsapp';
import { ApplyWhatsAppWebhookHandler } from './commands/apply-whatsapp-webhook/apply-whatsapp-webhook.handler';
import { CancelScheduledStartHandler } from './commands/cancel-scheduled-start/cancel-scheduled-start.handler';
import { MaterialiseAudienceHandler } from './commands/materialise-audience/materialise-audience.handler';
import { PurgeRecipientsHandler } from './commands/purge-recipients/purge-recipients.handler';
import { RequeueFailedRecipientsHandler } from './commands/requeue-failed-recipients/requeue-failed-recipients.handler';
import { CreateOutcomeGroupHandler } from './commands/create-outcome-group/create-outcome-group.handler';
import { SendTestMessagesHandler } from './commands/send-test-messages/send-test-messages.handler';
import { RecountRecipientStatsHandler } from './commands/recount-recipient-stats/recount-recipient-stats.handler';
import { ScheduleStartHandler } from './commands/schedule-start/schedule-start.handler';
import { RecipientLedger } from './database/recipient-ledger';
import { MessageEventOutbox } from './database/message-event-outbox';
import { DISPATCH_QUEUE, DispatchQueue } from './dispatch-queue';
import { WhatsAppWebhookController } from './http/whatsapp-webhook.controller';
import { DISPATCH_QUERY_HANDLERS } from './queries';
import { CampaignDispatchSaga } from './sagas/campaign-dispatch.saga';
import { CampaignLock } from './worker/campaign-lock';
import { ChannelRateLimiter } from './worker/channel-rate-limiter';
import { DispatchProcessor } from './worker/dispatch.processor';
import { Dispatcher } from './worker/dispatcher';
import { EngineCommands } from './worker/engine-commands';
import { Materialiser } from './worker/materialiser';
import { Reconciler } from './worker/reconciler';
import { BatchSender } from './worker/batch-sender';
import { CampaignProgress } from './worker/campaign-progress';
import { FailureGuard } from './worker/failure-guard';
import { InFlightWindows } from './worker/in-flight-window';
import { SendWindowGate } from './worker/send-window-gate';
import { RunningCampaignsGauge } from './worker/running-campaigns-gauge';

/**
 * A job whose worker froze or died is handed to another within ~5-15 s instead of Bull's 30 s defaults.
 * Re-running a stalled job is harmless: a pump takes the campaign lock and fenced claims, materialising is
 * idempotent, a start checks the campaign's state.
 */
const queue = BullModule.registerQueue({ name: DISPATCH_QUEUE, settings: { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 10 } });

/** API side: lifecycle saga, queue producers, inbound WhatsApp webhooks, test sends and recipient queries. */
@Module({
  imports: [queue, WhatsAppModule],
  controllers: [WhatsAppWebhookController],
  providers: [
    RecipientLedger,
    MessageEventOutbox,
    DispatchQueue,
    CampaignDispatchSaga,
    MaterialiseAudienceHandler,
    ScheduleStartHandler,
    CancelScheduledStartHandler,
    ApplyWhatsAppWebhookHandler,
    PurgeRecipientsHandler,
    RecountRecipientStatsHandler,
    RequeueFailedRecipientsHandler,
    CreateOutcomeGroupHandler,
    SendTestMessagesHandler,
    ChannelRateLimiter,
    ...DISPATCH_QUERY_HANDLERS,
  ],
  exports: [RecipientLedger, DispatchQueue, ChannelRateLimiter, WhatsAppModule, queue],
})
export class DispatchModule {}

/** Worker side: the queue processor that materialises audiences, pumps sends and sweeps. */
@Module({
  imports: [DispatchModule],
  providers: [DispatchProcessor, Dispatcher, BatchSender, SendWindowGate, CampaignProgress, FailureGuard, InFlightWindows, Materialiser, Reconciler, EngineCommands, CampaignLock, RunningCampaignsGauge],
})
export class DispatchWorkerModule {}
