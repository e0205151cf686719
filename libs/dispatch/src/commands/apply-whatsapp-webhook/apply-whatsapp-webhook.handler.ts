import { OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ApplyTemplateStatusUpdateCommand, ChannelCredentials, FindChannelByPhoneNumberIdQuery, FindChannelsByWabaIdQuery } from '@app/catalog';
import { GroupCommit } from '@app/platform';
import { verifyWebhookSignature } from '@app/whatsapp';
import { RecipientLedger, StatusReport } from '../../database/recipient-ledger';
import { InvalidWebhookSignatureError } from '../../domain/dispatch.errors';
import { StatsPublisher } from '../../stats-publisher';
import { ApplyWhatsAppWebhookCommand } from './apply-whatsapp-webhook.command';
import { parseWhatsAppWebhook } from './whatsapp-webhook-payload';

/** Status reports per statement at most (Meta's POSTs carry up to a hundred or so each). */
const MAX_REPORTS_PER_WRITE = 2000;

@CommandHandler(ApplyWhatsAppWebhookCommand)
export class ApplyWhatsAppWebhookHandler implements ICommandHandler<ApplyWhatsAppWebhookCommand>, OnApplicationShutdown {
  // Status batches arriving together (Meta posts many at once) are applied by one statement; each POST is
  // answered only once its statuses are stored, so a failed write gets a 5xx and Meta's redelivery.
  private readonly statuses = new GroupCommit<StatusReport>(
    async (reports) => this.stats.publish(await this.ledger.applyStatuses(reports)),
    MAX_REPORTS_PER_WRITE,
  );

  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly stats: StatsPublisher,
    private readonly ledger: RecipientLedger,
  ) {}

  async execute({ rawBody, signature, body }: ApplyWhatsAppWebhookCommand) {
    const parsed = parseWhatsAppWebhook(body);
    const channels: ChannelCredentials[] = [];
    for (const id of parsed.phoneNumberIds) channels.push(...(await this.queries.execute(new FindChannelByPhoneNumberIdQuery(id))));
    for (const id of parsed.wabaIds) channels.push(...(await this.queries.execute(new FindChannelsByWabaIdQuery(id))));
    const secrets = new Set(channels.map((c) => c.appSecret));
    if (![...secrets].some((secret) => verifyWebhookSignature(rawBody, signature, secret))) {
      throw new InvalidWebhookSignatureError('X-Hub-Signature-256 is missing or does not match any channel this payload names');
    }

    // A campaign left waiting only on rows a webhook just settled (a crash mid-call) is completed by the
    // worker's sweep; kicking its pump here would add a job per webhook at full send rate.
    if (parsed.statuses.length) await this.statuses.submit(parsed.statuses);
    for (const u of parsed.templateUpdates) {
      await this.commands.execute(new ApplyTemplateStatusUpdateCommand(u.wabaId, u.metaTemplateId, u.name, u.language, u.event, u.reason));
    }
    return { statuses: parsed.statuses.length, template_updates: parsed.templateUpdates.length };
  }

  onApplicationShutdown(): Promise<void> {
    return this.statuses.idle();
  }
}
