import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CreateCampaignDto } from './create-campaign.dto';

/** PATCH: the editable fields of create; audience and schedule have their own endpoints. */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['audience', 'scheduled_at', 'channel_id'] as const)) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('4')
  channel_id?: string;
}
