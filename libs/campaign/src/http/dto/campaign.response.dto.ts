import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';
import { CampaignStatus } from '../../domain/campaign-status';

export class CampaignStatsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Accepted by WhatsApp (cumulative: includes delivered and read)' }) sent: number;
  @ApiProperty({ description: 'Delivered (includes read)' }) delivered: number;
  @ApiProperty() read: number;
  @ApiProperty() failed: number;
  @ApiProperty() pending: number;
  @ApiProperty({ description: 'Never sent: opted out, invalid or duplicate number, missing variable' }) skipped: number;
}

export class CampaignAudienceRowDto {
  @ApiProperty({ enum: ['group', 'source'] }) type: 'group' | 'source';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Contacts in the group or source now' }) contact_count: number | null;
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
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'See the variable-mapping grammar' }) variable_mapping: Record<string, unknown> | null;
  @ApiProperty() batch_size: number;
  @ApiProperty() batch_delay_ms: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) scheduled_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) started_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) completed_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'MANUAL, or the automatic reason (SCHEDULE_MISSED, TEMPLATE_PAUSED, …); null unless PAUSED' }) pause_reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) failure_reason: string | null;
  @ApiProperty() total_recipients: number;
  @ApiProperty({ type: CampaignStatsDto }) stats: CampaignStatsDto;
  @ApiProperty({ type: Object, description: '{groups: uuid[], sources: uuid[]}' }) audience: { groups: string[]; sources: string[] };
  @ApiPropertyOptional({ type: [CampaignAudienceRowDto], description: 'GET /campaigns/{id} only' }) audiences?: CampaignAudienceRowDto[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class CampaignListResponseDto {
  @ApiProperty({ type: [CampaignResponseDto] }) data: CampaignResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}
