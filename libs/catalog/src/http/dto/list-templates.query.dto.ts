import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@app/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEMPLATE_STATUSES } from '../../domain/template-status';
import type { TemplateStatus } from '../../queries/get-template/get-template.query';

export class ListTemplatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES, isArray: true, description: 'Comma-separated statuses', example: ['APPROVED', 'PAUSED'] })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : value))
  @IsIn(TEMPLATE_STATUSES, { each: true })
  status?: TemplateStatus[];

  @ApiPropertyOptional({ description: 'Exact template name' })
  @IsOptional() @IsString() @MaxLength(512)
  name?: string;

  @ApiPropertyOptional({ description: 'Exact language code', example: 'en_US' })
  @IsOptional() @IsString() @MaxLength(16)
  language?: string;
}
