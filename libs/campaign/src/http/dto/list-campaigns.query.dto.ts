import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE_SIZE, PageQueryDto } from '@app/platform';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CampaignStatus } from '../../domain/campaign-status';

export class ListCampaignsQueryDto extends PageQueryDto {
  // A client lists its campaigns to show them all: one page holds as many as any page may.
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  override limit: number = MAX_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'RUNNING,PAUSED' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : value))
  @IsEnum(CampaignStatus, { each: true })
  status?: CampaignStatus[];
}
