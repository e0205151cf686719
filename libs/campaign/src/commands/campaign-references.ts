import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type AudienceSpec, CheckAudienceRefsQuery, CountAudienceQuery, HasMessageableContactQuery } from '@app/audience';
import { GetTemplateQuery, ResolveChannelQuery, TemplateSummary } from '@app/catalog';
import { CampaignRepository } from '../database/campaign.repository';
import { EmptyAudienceError, InvalidAudienceError, InvalidVariableMappingError, TemplateNotApprovedError, TemplateNotFoundError } from '../domain/campaign.errors';
import { validateVariableMapping } from '../domain/variable-mapping';
import { CampaignAudience, toAudienceSpec } from '../domain/campaign.aggregate';

type CampaignAudienceRef = { id: string; workspaceId: string; templateId: string; audience: CampaignAudience };

/** Checks what a campaign points at (template, channel, audience) through the owning modules' queries. */
@Injectable()
export class CampaignReferences {
  constructor(
    private readonly queries: QueryBus,
    private readonly campaigns: CampaignRepository,
  ) {}

  async template(workspaceId: string, idOrMetaId: string): Promise<TemplateSummary> {
    const template = await this.queries.execute(new GetTemplateQuery(workspaceId, idOrMetaId));
    if (!template) throw new TemplateNotFoundError(idOrMetaId);
    return template;
  }

  async approvedTemplate(workspaceId: string, idOrMetaId: string): Promise<TemplateSummary> {
    const template = await this.template(workspaceId, idOrMetaId);
    if (template.status !== 'APPROVED') throw new TemplateNotApprovedError(idOrMetaId, template.status);
    return template;
  }

  validateMapping(template: TemplateSummary, mapping: Record<string, unknown> | null): void {
    const problems = validateVariableMapping(template, mapping);
    if (problems.length) {
      throw new InvalidVariableMappingError(`variable_mapping does not fit template ${template.name}`, problems);
    }
  }

  /** Before a campaign may (be scheduled to) send: its template is still approved and its mapping still fits. */
  async assertSendable(c: { workspaceId: string; templateId: string; variableMapping: Record<string, unknown> | null }): Promise<void> {
    this.validateMapping(await this.approvedTemplate(c.workspaceId, c.templateId), c.variableMapping);
  }

  async channelId(workspaceId: string, channelId: string | null): Promise<string> {
    return (await this.queries.execute(new ResolveChannelQuery(workspaceId, channelId))).id;
  }

  /** A campaign's audience for the audience queries, with its template's category (which opt-outs apply). */
  async audienceSpec(workspaceId: string, campaignId: string): Promise<AudienceSpec> {
    const { templateId, ...spec } = await this.campaigns.audienceSpec(workspaceId, campaignId);
    return { ...spec, templateCategory: await this.category(workspaceId, templateId) };
  }

  private async category(workspaceId: string, templateId: string): Promise<string | null> {
    return (await this.queries.execute(new GetTemplateQuery(workspaceId, templateId)))?.category ?? null;
  }

  /** Whether the campaign's audience has nobody to message now: no member, or only opted-out ones. */
  async audienceIsEmpty(c: CampaignAudienceRef): Promise<boolean> {
    return this.isEmpty(await this.specOf(c));
  }

  /** Before a campaign starts sending on a client's request: refused when it would message nobody. */
  async assertAudienceNotEmpty(c: CampaignAudienceRef): Promise<void> {
    const spec = await this.specOf(c);
    if (!(await this.isEmpty(spec))) return;
    const { opted_out } = await this.queries.execute(new CountAudienceQuery(spec));
    throw new EmptyAudienceError(opted_out);
  }

  private async isEmpty(spec: AudienceSpec): Promise<boolean> {
    return !(await this.queries.execute(new HasMessageableContactQuery(spec)));
  }

  private async specOf(c: CampaignAudienceRef): Promise<AudienceSpec> {
    return { ...toAudienceSpec(c.workspaceId, c.audience, c.id), templateCategory: await this.category(c.workspaceId, c.templateId) };
  }

  async assertAudienceExists(workspaceId: string, audience: CampaignAudience): Promise<void> {
    if (!Object.values(audience).some((ids) => ids.length)) return;
    const missing = await this.queries.execute(new CheckAudienceRefsQuery(toAudienceSpec(workspaceId, audience)));
    if (Object.values(missing).some((ids) => ids.length)) {
      throw new InvalidAudienceError('Some audience groups, sources, segments or contacts do not exist in this workspace', {
        missing_groups: missing.missingGroups,
        missing_sources: missing.missingSources,
        missing_segments: missing.missingSegments,
        missing_contact_ids: missing.missingContacts,
      });
    }
  }
}
