import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Campaign, EMPTY_AUDIENCE } from '../../domain/campaign.aggregate';
import { validateSendWindow } from '../../domain/send-window';
import { CampaignRepository } from '../../database/campaign.repository';
import { CampaignPresenter } from '../../presentation/campaign.presenter';
import { CampaignReferences } from '../campaign-references';
import { CreateCampaignCommand } from './create-campaign.command';

@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly refs: CampaignReferences,
    private readonly presenter: CampaignPresenter,
  ) {}

  async execute({ workspaceId, input }: CreateCampaignCommand) {
    const template = await this.refs.approvedTemplate(workspaceId, input.templateId);
    this.refs.validateMapping(template, input.variableMapping ?? null);
    const channelId = await this.refs.channelId(workspaceId, input.channelId ?? null);
    const audience = { ...EMPTY_AUDIENCE, ...input.audience };
    await this.refs.assertAudienceExists(workspaceId, audience);
    const campaign = this.campaigns.adopt(
      Campaign.create({
        id: randomUUID(),
        workspaceId,
        name: input.name,
        description: input.description ?? null,
        templateId: template.id,
        channelId,
        variableMapping: input.variableMapping ?? null,
        batchSize: input.batchSize ?? 50,
        batchDelayMs: input.batchDelayMs ?? 0,
        maxFailureRate: input.maxFailureRate,
        sendWindow: input.sendWindow ? validateSendWindow(input.sendWindow) : null,
        audience,
        scheduledAt: input.scheduledAt ?? null,
      }),
    );
    await this.campaigns.save(campaign, this.presenter.outboxPayload);
    return campaign.snapshot();
  }
}
