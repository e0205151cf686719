import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListMemberVariablesQuery, SampleAudienceQuery } from '@app/audience';
import { CampaignRepository } from '../../database/campaign.repository';
import { CampaignReferences } from '../../commands/campaign-references';
import { AudienceEmptyError, SampleContactNotFoundError } from '../../domain/campaign.errors';
import { compileRenderer } from '../../domain/template-renderer';
import { RenderPreviewQuery } from './render-preview.query';

@QueryHandler(RenderPreviewQuery)
export class RenderPreviewHandler implements IQueryHandler<RenderPreviewQuery> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly refs: CampaignReferences,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, campaignId, sampleContactId }: RenderPreviewQuery) {
    const campaign = (await this.campaigns.findById(workspaceId, campaignId)).snapshot();
    const template = await this.refs.template(workspaceId, campaign.templateId);
    // Only a member of the audience: a key that may preview must not read any contact of the workspace.
    const spec = { workspaceId, groupIds: campaign.audience.groups, sourceIds: campaign.audience.sources, templateCategory: template.category };
    const [contact] = await this.queries.execute(new SampleAudienceQuery(spec, 1, sampleContactId));
    if (!contact) {
      if (sampleContactId) throw new SampleContactNotFoundError(sampleContactId);
      throw new AudienceEmptyError('The campaign audience has no messageable contact to preview with');
    }
    const own = await this.queries.execute(new ListMemberVariablesQuery(campaignId, [contact.id]));
    const rendered = compileRenderer(template, campaign.variableMapping)(contact, own.get(contact.id));
    return {
      campaign_id: campaign.id,
      sample_contact_id: contact.id,
      resolved_components: rendered.resolved,
      missing_variables: rendered.missing,
    };
  }
}
