import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CheckAudienceRefsQuery } from '@app/audience';
import { GetTemplateQuery, ResolveChannelQuery, TemplateSummary } from '@app/catalog';
import { InvalidAudienceError, InvalidVariableMappingError, TemplateNotApprovedError, TemplateNotFoundError } from '../domain/campaign.errors';
import { validateVariableMapping } from '../domain/variable-mapping';

/** Checks what a campaign points at (template, channel, audience) through the owning modules' queries. */
@Injectable()
export class CampaignReferences {
  constructor(private readonly queries: QueryBus) {}

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

  async assertAudienceExists(workspaceId: string, audience: { groups: string[]; sources: string[] }): Promise<void> {
    if (!audience.groups.length && !audience.sources.length) return;
    const { missingGroups, missingSources } = await this.queries.execute(
      new CheckAudienceRefsQuery({ workspaceId, groupIds: audience.groups, sourceIds: audience.sources }),
    );
    if (missingGroups.length || missingSources.length) {
      throw new InvalidAudienceError('Some audience groups or sources do not exist in this workspace', {
        missing_groups: missingGroups,
        missing_sources: missingSources,
      });
    }
  }
}
