import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetTemplateQuery, TemplateSummary } from '@app/catalog';
import { DescribeAudienceQuery } from '@app/audience';
import { toAudienceSpec, type CampaignProps } from '../domain/campaign.aggregate';
import { CampaignStatus } from '../domain/campaign-status';
import { EMPTY_STATS, GetCampaignStatsQuery } from '../queries/get-campaign-stats/get-campaign-stats.query';
import { GetWaitingRecipientsQuery } from '../queries/get-waiting-recipients/get-waiting-recipients.query';
import type { CampaignResponseDto } from '../http/dto/campaign.response.dto';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Turns campaign snapshots into the API's campaign object, joining template and stats through queries.
 * The same object is the `data.campaign` of outbound campaign.* webhooks, so commands reach it for the
 * outbox while controllers use it for responses.
 */
@Injectable()
export class CampaignPresenter {
  constructor(private readonly queries: QueryBus) {}

  async present(campaigns: ReadonlyArray<Readonly<CampaignProps>>): Promise<CampaignResponseDto[]> {
    if (!campaigns.length) return [];
    const ids = campaigns.map((c) => c.id);
    const [stats, waiting] = await Promise.all([
      this.queries.execute(new GetCampaignStatsQuery(ids)),
      this.queries.execute(new GetWaitingRecipientsQuery(ids)),
    ]);
    const templates = new Map<string, Promise<TemplateSummary | null>>();
    for (const c of campaigns) {
      const key = `${c.workspaceId}/${c.templateId}`;
      if (!templates.has(key)) templates.set(key, this.queries.execute(new GetTemplateQuery(c.workspaceId, c.templateId)));
    }
    return Promise.all(
      campaigns.map(async (c) => {
        const t = await templates.get(`${c.workspaceId}/${c.templateId}`)!;
        return {
          id: c.id,
          name: c.name,
          description: c.description,
          status: c.status,
          template_id: c.templateId,
          template_name: t?.name ?? null,
          template_category: t?.category ?? null,
          template_language: t?.language ?? null,
          channel_id: c.channelId,
          variable_mapping: c.variableMapping,
          batch_size: c.batchSize,
          batch_delay_ms: c.batchDelayMs,
          max_failure_rate: c.maxFailureRate,
          send_window: c.sendWindow && {
            start: c.sendWindow.start,
            end: c.sendWindow.end,
            days: [...c.sendWindow.days],
            timezone: c.sendWindow.timezone,
            fallback_timezone: c.sendWindow.fallbackTimezone,
          },
          // Only a running campaign with a window waits for one; its waiting count covers retry delays too.
          next_window_at: c.sendWindow && c.status === CampaignStatus.RUNNING ? iso(waiting.get(c.id)?.nextDueAt ?? null) : null,
          waiting_recipients: c.status === CampaignStatus.RUNNING ? (waiting.get(c.id)?.waiting ?? 0) : 0,
          scheduled_at: iso(c.scheduledAt),
          started_at: iso(c.startedAt),
          completed_at: iso(c.completedAt),
          pause_reason: c.pauseReason,
          failure_reason: c.failureReason,
          total_recipients: c.totalRecipients,
          stats: stats.get(c.id) ?? { ...EMPTY_STATS },
          audience: { groups: [...c.audience.groups], sources: [...c.audience.sources], segments: [...c.audience.segments], contact_ids: [...c.audience.contactIds] },
          created_at: c.createdAt.toISOString(),
          updated_at: c.updatedAt.toISOString(),
        };
      }),
    );
  }

  async presentOne(campaign: Readonly<CampaignProps>): Promise<CampaignResponseDto> {
    const [view] = await this.present([campaign]);
    return view;
  }

  /**
   * GET /campaigns/{id}: the campaign object followed by its `audiences` rows (one per group, source and
   * segment, named as they are now), read beside the stats, waiting counts and template rather than after
   * them: one round trip fewer for the API's most polled read.
   */
  async presentDetails(campaign: Readonly<CampaignProps>): Promise<CampaignResponseDto> {
    const [view, audiences] = await Promise.all([
      this.presentOne(campaign),
      this.queries.execute(new DescribeAudienceQuery(toAudienceSpec(campaign.workspaceId, campaign.audience, campaign.id))),
    ]);
    return { ...view, audiences };
  }

  /** The outbox payload of campaign.* events: `data.campaign` of the webhook body. */
  outboxPayload = async (campaign: Readonly<CampaignProps>) => ({ campaign: await this.presentOne(campaign) });
}
