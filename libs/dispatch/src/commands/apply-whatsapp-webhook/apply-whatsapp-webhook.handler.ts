import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ApplyInboundReplyCommand } from '@app/audience';
import { ApplyTemplateStatusUpdateCommand, FindWebhookChannelsQuery } from '@app/catalog';
import { GroupCommit } from '@app/platform';
import { verifyWebhookSignature } from '@app/whatsapp';
import { RecipientLedger, StatusReport } from '../../database/recipient-ledger';
import { InvalidWebhookSignatureError } from '../../domain/dispatch.errors';
import { recordStatuses } from '../../dispatch.metrics';
import { ApplyWhatsAppWebhookCommand } from './apply-whatsapp-webhook.command';
import { parseWhatsAppWebhook } from './whatsapp-webhook-payload';

/** Status reports per statement at most (Meta's POSTs carry up to a hundred or so each). */
const MAX_REPORTS_PER_WRITE = 2000;

@CommandHandler(ApplyWhatsAppWebhookCommand)
export class ApplyWhatsAppWebhookHandler implements ICommandHandler<ApplyWhatsAppWebhookCommand>, OnApplicationShutdown {
  // Status batches arriving together (Meta posts many at once) are applied by one statement; each POST is
  // answered only once its statuses are stored, so a failed write gets a 5xx and Meta's redelivery.
  private readonly logger = new Logger('WhatsAppWebhook');
  private readonly statuses = new GroupCommit<StatusReport>(
    async (reports) => {
      await this.ledger.applyStatuses(reports);
    },
    MAX_REPORTS_PER_WRITE,
  );

  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly ledger: RecipientLedger,
  ) {}

  async execute({ rawBody, signature, body }: ApplyWhatsAppWebhookCommand) {
    const parsed = parseWhatsAppWebhook(body);
    // One query for every id the payload names, then the signature: a payload naming thousands of ids
    // costs one lookup before it is refused.
    const named = await this.queries.execute(new FindWebhookChannelsQuery([...parsed.phoneNumberIds], [...parsed.wabaIds]));
    const verifiedSecrets = new Set([...new Set(named.map((c) => c.appSecret))].filter((secret) => verifyWebhookSignature(rawBody, signature, secret)));
    if (!verifiedSecrets.size) {
      throw new InvalidWebhookSignatureError('X-Hub-Signature-256 is missing or does not match any channel this payload names');
    }
    // What the payload says applies only within the channels whose own secret signed it: another
    // workspace's channel that merely shares a phone number id or WABA id is not touched.
    const signers = named.filter((c) => verifiedSecrets.has(c.appSecret));

    const statuses: StatusReport[] = [];
    let foreign = 0;
    for (const { phoneNumberId, ...report } of parsed.statuses) {
      const channels = signers.filter((c) => c.phoneNumberId === phoneNumberId);
      if (!channels.length) foreign++;
      for (const c of channels) statuses.push({ ...report, channelId: c.id });
    }
    // A reply opts out only the contact of the workspace(s) whose channel received it and signed it.
    const replies = parsed.replies.flatMap(({ phoneNumberId, ...reply }) => {
      const workspaceIds = [...new Set(signers.filter((c) => c.phoneNumberId === phoneNumberId).map((c) => c.workspaceId))];
      if (!workspaceIds.length) foreign++;
      return workspaceIds.map((workspaceId) => ({ ...reply, workspaceId }));
    });
    const templateUpdates = parsed.templateUpdates.map((u) => ({
      ...u,
      workspaceIds: [...new Set(signers.filter((c) => c.wabaId === u.wabaId).map((c) => c.workspaceId))],
    }));
    foreign += templateUpdates.filter((u) => !u.workspaceIds.length).length;
    if (foreign) this.logger.warn(`Ignored ${foreign} item(s) of a signed webhook naming a phone number or WABA its signer does not own`);

    // A campaign left waiting only on rows a webhook just settled (a crash mid-call) is completed by the
    // worker's sweep; kicking its pump here would add a job per webhook at full send rate.
    recordStatuses(parsed.statuses);
    if (statuses.length) await this.statuses.submit(statuses);
    for (const u of templateUpdates.filter((x) => x.workspaceIds.length)) {
      await this.commands.execute(new ApplyTemplateStatusUpdateCommand(u.workspaceIds, u.metaTemplateId, u.name, u.language, u.event, u.reason, u.at));
    }
    for (const r of replies) await this.commands.execute(new ApplyInboundReplyCommand(r.workspaceId, r.from, r.text, r.at));
    return { statuses: parsed.statuses.length, template_updates: parsed.templateUpdates.length, replies: parsed.replies.length };
  }

  onApplicationShutdown(): Promise<void> {
    return this.statuses.idle();
  }
}
