import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsOptionalNotNull } from '@app/platform';
import { CreateCampaignDto } from './create-campaign.dto';

/**
 * PATCH: the editable fields of create; audience and schedule have their own endpoints. An omitted field
 * is unchanged; `null` is accepted only where it means something (`description`).
 */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['audience', 'scheduled_at', 'channel_id'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull() @IsUUID('4')
  channel_id?: string;
}
