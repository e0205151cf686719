import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ApplyTemplateStatusUpdateCommand, ChannelCredentials, FindChannelByPhoneNumberIdQuery, FindChannelsByWabaIdQuery } from '@app/catalog';
import { verifyWebhookSignature } from '@app/whatsapp';
import { RecipientLedger } from '../../database/recipient-ledger';
import { InvalidWebhookSignatureError } from '../../domain/dispatch.errors';
import { StatsPublisher } from '../../stats-publisher';
import { ApplyWhatsAppWebhookCommand } from './apply-whatsapp-webhook.command';
import { parseWhatsAppWebhook } from './whatsapp-webhook-payload';

@CommandHandler(ApplyWhatsAppWebhookCommand)
export class ApplyWhatsAppWebhookHandler implements ICommandHandler<ApplyWhatsAppWebhookCommand> {
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

    const deltas = await this.ledger.applyStatuses(parsed.statuses);
    // A campaign left waiting only on rows a webhook just settled (a crash mid-call) is completed by the
    // worker's sweep; kicking its pump here would add a job per webhook at full send rate.
    this.stats.publish(deltas);
    for (const u of parsed.templateUpdates) {
      await this.commands.execute(new ApplyTemplateStatusUpdateCommand(u.wabaId, u.metaTemplateId, u.name, u.language, u.event, u.reason));
    }
    return { statuses: parsed.statuses.length, campaigns: deltas.size, template_updates: parsed.templateUpdates.length };
  }
}
