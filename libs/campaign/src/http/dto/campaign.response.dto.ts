import { VARIABLE_MAPPING_SCHEMA } from './variable-mapping.schema';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CampaignStatus } from '../../domain/campaign-status';

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
  @ApiProperty({ enum: ['group', 'source'] }) type: 'group' | 'source';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer', description: 'Contacts in the group or source now' }) contact_count: number | null;
}

export class CampaignAudienceRefsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Group ids' }) groups: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Source ids' }) sources: string[];
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
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) scheduled_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) started_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) completed_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'MANUAL, or the automatic reason (SCHEDULE_MISSED, TEMPLATE_PAUSED, …); null unless PAUSED' }) pause_reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) failure_reason: string | null;
  @ApiProperty({ type: 'integer' }) total_recipients: number;
  @ApiProperty({ type: CampaignStatsDto }) stats: CampaignStatsDto;
  @ApiProperty({ type: CampaignAudienceRefsDto }) audience: CampaignAudienceRefsDto;
  @ApiPropertyOptional({ type: [CampaignAudienceRowDto], description: 'GET /campaigns/{id} only' }) audiences?: CampaignAudienceRowDto[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class CampaignListResponseDto {
  @ApiProperty({ type: [CampaignResponseDto] }) data: CampaignResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
}
