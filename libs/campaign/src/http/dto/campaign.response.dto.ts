import { VARIABLE_MAPPING_SCHEMA } from './variable-mapping.schema';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';
import { CampaignStatus } from '../../domain/campaign-status';
import { SendWindowDto } from './create-campaign.dto';

export class CampaignStatsDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Accepted by WhatsApp (cumulative: includes delivered and read)' }) sent: number;
  @ApiProperty({ type: 'integer', description: 'Delivered (includes read)' }) delivered: number;
  @ApiProperty({ type: 'integer' }) read: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: 'integer' }) pending: number;
  @ApiProperty({ type: 'integer', description: 'Never sent: opted out, invalid or duplicate number, missing variable' }) skipped: number;
}

export class CampaignAudienceRowDto {
  @ApiProperty({ enum: ['group', 'source', 'segment'] }) type: 'group' | 'source' | 'segment';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer', description: 'Contacts in the group or source now (null for a segment: see GET /segments/{id}/preview)' }) contact_count: number | null;
}

export class CampaignAudienceRefsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Group ids' }) groups: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Source ids' }) sources: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Segment ids' }) segments: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Contact ids' }) contact_ids: string[];
}

export class CampaignResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: CampaignStatus }) status: CampaignStatus;
  @ApiProperty({ format: 'uuid' }) template_id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) template_name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['MARKETING', 'UTILITY', 'AUTHENTICATION'] }) template_category: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) template_language: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) channel_id: string | null;
  @ApiPropertyOptional({ ...VARIABLE_MAPPING_SCHEMA, nullable: true }) variable_mapping: Record<string, unknown> | null;
  @ApiProperty({ type: 'integer' }) batch_size: number;
  @ApiProperty({ type: 'integer' }) batch_delay_ms: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.5, description: 'Failure guard threshold (fraction of attempted sends); null: no guard' }) max_failure_rate: number | null;
  @ApiPropertyOptional({ nullable: true, type: SendWindowDto }) send_window: SendWindowDto | null;
  @ApiPropertyOptional({
    nullable: true, type: String, format: 'date-time',
    description: 'With a send window, while every remaining recipient is outside its window: when the next one opens',
  })
  next_window_at: string | null;
  @ApiProperty({ type: 'integer', description: 'Pending recipients waiting for their send window (or a retry delay) to come round', example: 0 }) waiting_recipients: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) scheduled_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) started_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) completed_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'MANUAL, or the automatic reason (SCHEDULE_MISSED, TEMPLATE_PAUSED, HIGH_FAILURE_RATE, MESSAGING_LIMIT_REACHED, …); null unless PAUSED' }) pause_reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'ALL_SENDS_FAILED: all 120 attempted sends failed', description: 'Why it FAILED: e.g. `ALL_SENDS_FAILED: …`, `EMPTY_AUDIENCE: …`, a template disabled, or a campaign-fatal WhatsApp error (`<code>: <message>`)' }) failure_reason: string | null;
  @ApiProperty({ type: 'integer', description: 'Recipients in the ledger once materialised (0 before; announced by campaign.materialised); rows removed from the audience before being attempted are not counted' }) total_recipients: number;
  @ApiProperty({ type: CampaignStatsDto }) stats: CampaignStatsDto;
  @ApiProperty({ type: CampaignAudienceRefsDto }) audience: CampaignAudienceRefsDto;
  @ApiPropertyOptional({ type: [CampaignAudienceRowDto], description: 'GET /campaigns/{id} only' }) audiences?: CampaignAudienceRowDto[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class CampaignListResponseDto {
  @ApiProperty({ type: [CampaignResponseDto] }) data: CampaignResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}
