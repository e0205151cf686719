import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@app/platform';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional } from 'class-validator';
import { CampaignStatus } from '../../domain/campaign-status';

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'RUNNING,PAUSED' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : value))
  @IsEnum(CampaignStatus, { each: true })
  status?: CampaignStatus[];
}
