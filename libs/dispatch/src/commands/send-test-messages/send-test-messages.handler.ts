import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GetContactsQuery } from '@app/audience';
import { compileRenderer, SendTestMessagesCommand, TestSendResult } from '@app/campaign';
import { GetTemplateQuery, ResolveChannelQuery } from '@app/catalog';
import { Env } from '@app/platform';
import { WhatsAppApiError, WhatsAppClient } from '@app/whatsapp';
import { RecipientErrorCode } from '../../domain/dispatch.errors';
import { ChannelRateLimiter } from '../../worker/channel-rate-limiter';

/** Marks a test message's status webhooks: never a recipient id, so they move no recipient. */
const TEST_CALLBACK = 'test';

@CommandHandler(SendTestMessagesCommand)
export class SendTestMessagesHandler implements ICommandHandler<SendTestMessagesCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly client: WhatsAppClient,
    private readonly limiter: ChannelRateLimiter,
    private readonly env: Env,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async execute({ campaign, phones, contactIds }: SendTestMessagesCommand): Promise<TestSendResult[]> {
    const [template, channel] = await Promise.all([
      this.queries.execute(new GetTemplateQuery(campaign.workspaceId, campaign.templateId)),
      this.queries.execute(new ResolveChannelQuery(campaign.workspaceId, campaign.channelId)),
    ]);
    const render = compileRenderer(template!, campaign.variableMapping);
    const contacts = await this.queries.execute(new GetContactsQuery(campaign.workspaceId, contactIds, phones));
    const byPhone = new Map([...contacts.values()].map((c) => [c.phone, c]));
    const targets = [
      ...[...new Set(contactIds)].map((id) => ({ id, contact: contacts.get(id) ?? null, phone: contacts.get(id)?.phone ?? null })),
      ...[...new Set(phones)].map((phone) => ({ id: null, contact: byPhone.get(phone) ?? null, phone })),
    ];
    const target = { apiBaseUrl: channel.apiBaseUrl, apiVersion: this.env.WHATSAPP_API_VERSION, accessToken: channel.accessToken, phoneNumberId: channel.phoneNumberId };
    const results = await Promise.all(
      targets.map(async ({ id, contact, phone }): Promise<TestSendResult> => {
        const fail = (code: string, message: string) => ({ phone: phone ?? '', contactId: id, wamid: null, error: { code, message } });
        if (!phone) return fail('CONTACT_NOT_FOUND', `Contact ${id} not found in this workspace`);
        const contactId = contact?.id ?? null;
        if (contact?.opted_out) return { ...fail(RecipientErrorCode.OPTED_OUT, 'Contact opted out'), contactId };
        const msg = render({ ...(contact ?? {}), phone });
        if (msg.missing.length) return { ...fail(RecipientErrorCode.MISSING_VARIABLE, `No value for ${msg.missing.join(', ')}`), contactId };
        // The campaign's channel budget is shared: a test takes its permit like any send.
        await this.limiter.acquire(channel.id, channel.messagesPerSecond, 1, () => false);
        try {
          const { wamid } = await this.client.sendTemplate(target, {
            to: phone, templateName: template!.name, language: template!.language, components: msg.components, bizOpaqueCallbackData: TEST_CALLBACK,
          });
          return { phone, contactId, wamid, error: null };
        } catch (e) {
          const code = e instanceof WhatsAppApiError ? String(e.code ?? (e.httpStatus ? `HTTP_${e.httpStatus}` : 'SEND_FAILED')) : 'SEND_FAILED';
          return { ...fail(code, (e as Error).message.slice(0, 1000)), contactId };
        }
      }),
    );
    const sent = results.filter((r) => r.phone);
    await this.db.query(
      `INSERT INTO campaign_test_sends (campaign_id, contact_id, phone, message_id, error_code, error_message)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [campaign.id, sent.map((r) => r.contactId), sent.map((r) => r.phone), sent.map((r) => r.wamid), sent.map((r) => r.error?.code ?? null), sent.map((r) => r.error?.message ?? null)],
    );
    return results;
  }
}
