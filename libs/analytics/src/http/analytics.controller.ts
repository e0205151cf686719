import { Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ListRecipientsQuery, RecipientTimelineQuery } from '@app/dispatch';
import { CampaignIdPipe, CampaignPresenter, CampaignStatus, GetCampaignQuery, type CampaignProps } from '@app/campaign';
import { ApiErrors, PageQueryDto, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { RefreshCampaignStatsCommand } from '../commands/refresh-campaign-stats/refresh-campaign-stats.command';
import { GetErrorRecipientsQuery } from '../queries/get-error-recipients/get-error-recipients.query';
import { GetErrorSummaryQuery } from '../queries/get-error-summary/get-error-summary.query';
import {
  ErrorRecipientsResponseDto, ErrorSummaryResponseDto, ExportRecipientsQueryDto, ListRecipientsQueryDto, RecipientListResponseDto,
  TimelineQueryDto, TimelineResponseDto,
} from './dto/analytics.dto';
import { EXPORT_CHUNK, recipientsCsv } from './recipients-csv';

const CSV = 'text/csv';

@ApiTags('Analytics')
@Controller('campaigns')
export class AnalyticsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly campaigns: CampaignPresenter,
  ) {}

  /** The campaign in this workspace (404 CAMPAIGN_NOT_FOUND otherwise): every analytics read is scoped by it. */
  private campaign(workspaceId: string, campaignId: string): Promise<Readonly<CampaignProps>> {
    return this.queries.execute(new GetCampaignQuery(workspaceId, campaignId));
  }

  private async stopped(workspaceId: string, campaignId: string): Promise<boolean> {
    return (await this.campaign(workspaceId, campaignId)).status === CampaignStatus.STOPPED;
  }

  @Post(':id/refresh-metrics')
  @HttpCode(200)
  @Scopes('campaigns:write')
  @ApiOperation({
    operationId: 'refreshCampaignMetrics',
    summary: 'Recompute stats from the recipient rows',
    description:
      'Stats normally update in the background as recipients change; this recounts them from the recipient rows in one pass, ' +
      'overwrites the counters and answers the campaign object with the fresh stats.',
  })
  @ApiOkResponse({ description: 'The campaign object', schema: { $ref: getSchemaPath('CampaignResponseDto') } })
  @ApiErrors(404)
  async refreshMetrics(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    const campaign = await this.campaigns.presentDetails(await this.campaign(ws, id));
    const stats = await this.commands.execute(new RefreshCampaignStatsCommand(id));
    return { ...campaign, stats };
  }

  @Get(':id/errors')
  @Scopes('campaigns:read')
  @ApiOperation({
    operationId: 'getCampaignErrors',
    summary: 'Errors summary: failed recipients by error code, and skipped ones by reason',
    description:
      '`by_code` buckets the failed recipients (its counts add up to `total_failed`, the stats\' `failed`); `skipped_by_code` buckets ' +
      'the recipients not sent on purpose (opted out, invalid or duplicate number, missing variable, …) and, once the campaign is ' +
      'STOPPED, those it never dispatched (`CAMPAIGN_STOPPED`); its counts add up to `total_skipped`. Most frequent code first, each ' +
      'with a title and a fix from the error catalog (unknown codes keep Meta\'s message as title).',
  })
  @ApiOkResponse({ type: ErrorSummaryResponseDto })
  @ApiErrors(404)
  async errors(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.queries.execute(new GetErrorSummaryQuery(id, await this.stopped(ws, id)));
  }

  @Get(':id/errors/:error_code')
  @Scopes('campaigns:read')
  @ApiOperation({
    operationId: 'listCampaignErrorRecipients',
    summary: 'Errors drill-down: the recipients of one line of the errors summary, newest first',
    description: 'At most 200 per call; follow `next_cursor` for the rest. `CAMPAIGN_STOPPED` lists a stopped campaign\'s recipients never dispatched (status `pending` or `queued`).',
  })
  @ApiParam({ name: 'error_code', example: '131056', description: 'A code from the errors summary (by_code or skipped_by_code)' })
  @ApiOkResponse({ type: ErrorRecipientsResponseDto })
  @ApiErrors([400, 'limit outside 1-200 (VALIDATION_FAILED), INVALID_CURSOR'], 404)
  async errorRecipients(
    @WorkspaceId() ws: string,
    @Param('id', CampaignIdPipe) id: string,
    @Param('error_code') code: string,
    @Query() q: PageQueryDto,
  ) {
    return this.queries.execute(new GetErrorRecipientsQuery(id, code, await this.stopped(ws, id), pageRequest(q)));
  }

  @Get(':id/recipients')
  @Scopes('campaigns:read')
  @ApiOperation({
    operationId: 'listCampaignRecipients',
    summary: 'List recipients, newest first (keyset-paginated)',
    description: 'Sent with `Accept: text/csv`, answers the CSV export of `GET /campaigns/{id}/recipients/export` instead.',
  })
  @ApiOkResponse({ type: RecipientListResponseDto })
  @ApiErrors([400, 'Unknown status, limit outside 1-200, INVALID_CURSOR'], 404)
  async recipients(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Query() q: ListRecipientsQueryDto, @Req() req: Request) {
    if (req.accepts(['application/json', CSV]) === CSV) return this.exportRecipients(ws, id, q);
    await this.campaign(ws, id);
    return this.queries.execute(new ListRecipientsQuery(id, { statuses: q.status }, q.limit, q.cursor, q.include_total === true));
  }

  @Get(':id/recipients/export')
  @Scopes('campaigns:read')
  @ApiOperation({
    operationId: 'exportCampaignRecipients',
    summary: 'Every recipient matching `status` as a streamed CSV file',
    description: 'A header row, then one row per recipient, newest first; `variables` is a JSON object in its cell.',
  })
  @ApiOkResponse({
    content: { [CSV]: { schema: { type: 'string', example: 'id,contact_id,phone_number,status,message_id,error_code,error,variables,sent_at,delivered_at,read_at,failed_at\r\n' } } },
  })
  @ApiErrors([400, 'Unknown status (VALIDATION_FAILED)'], 404)
  async exportRecipients(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Query() q: ExportRecipientsQueryDto) {
    await this.campaign(ws, id);
    const filter = { statuses: q.status };
    const first = await this.queries.execute(new ListRecipientsQuery(id, filter, EXPORT_CHUNK));
    return new StreamableFile(Readable.from(recipientsCsv(this.queries, id, filter, first), { highWaterMark: 1 }), {
      type: `${CSV}; charset=utf-8; header=present`,
      disposition: `attachment; filename="campaign-${id}-recipients.csv"`,
    });
  }

  @Get(':id/timeline')
  @Scopes('campaigns:read')
  @ApiOperation({ operationId: 'getCampaignTimeline', summary: 'Sent, delivered, read and failed recipients per time bucket' })
  @ApiOkResponse({ type: TimelineResponseDto })
  @ApiErrors([400, 'Unknown bucket (VALIDATION_FAILED)'], 404)
  async timeline(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Query() q: TimelineQueryDto) {
    await this.campaign(ws, id);
    return { bucket: q.bucket, series: await this.queries.execute(new RecipientTimelineQuery(id, q.bucket)) };
  }
}
