import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApiPageTotal } from '@app/platform';
import { MAX_SEGMENT_CONDITIONS } from '../../domain/segment';
import { ContactResponseDto } from './contact.dto';

const CONDITIONS_DOC =
  `1-${MAX_SEGMENT_CONDITIONS} conditions \`{field, op, value}\`: \`custom_fields.<key>\` with eq, neq (contacts without the field included), ` +
  'in (array), exists, not_exists (no value), gt/lt (a number, or an ISO date compared as a date), contains (case-insensitive text); ' +
  '`created_at` with gt/lt (ISO date); `group` or `source` with in/not_in (array of ids); `campaign` with sent, received ' +
  '(delivered or read), read or failed (value: the campaign id). Values compare the same whether stored as text or as a number/boolean. ' +
  'A bad condition is 422 INVALID_SEGMENT naming it (`conditions[2]: …`).';
const CONDITIONS_EXAMPLE = [
  { field: 'custom_fields.plan', op: 'in', value: ['gold', 'platinum'] },
  { field: 'custom_fields.score', op: 'gt', value: 50 },
  { field: 'campaign', op: 'read', value: '0b6f4c1e-2d1a-4e55-9a57-6c8c3b1f7a10' },
];

export class CreateSegmentDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Engaged gold customers' })
  @IsString() @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiProperty({ enum: ['all', 'any'], description: 'all: every condition holds; any: at least one does' })
  @Allow()
  match: unknown;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: CONDITIONS_DOC, example: CONDITIONS_EXAMPLE })
  @Allow()
  conditions: unknown;
}

export class UpdateSegmentDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @ValidateIf((o) => o.name !== undefined) @IsString() @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null clears it' })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ enum: ['all', 'any'] })
  @Allow()
  match?: unknown;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: CONDITIONS_DOC, example: CONDITIONS_EXAMPLE })
  @Allow()
  conditions?: unknown;
}

export class SegmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Engaged gold customers' }) name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ['all', 'any'] }) match: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: CONDITIONS_EXAMPLE }) conditions: unknown[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class SegmentListResponseDto {
  @ApiProperty({ type: [SegmentResponseDto] }) data: SegmentResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

export class SegmentPreviewQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 50, default: 10, description: 'How many matching contacts to return' })
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsOptional() @IsInt() @Min(0) @Max(50)
  sample: number = 10;
}

export class SegmentContactDto extends PickType(ContactResponseDto, ['id', 'phone', 'first_name', 'last_name', 'email', 'custom_fields', 'source_id', 'opted_out'] as const) {}

export class SegmentPreviewResponseDto {
  @ApiProperty({ description: 'Contacts the segment matches now that would be messaged', example: 1284 }) total: number;
  @ApiProperty({ description: 'Matching contacts left out for having opted out', example: 12 }) opted_out: number;
  @ApiProperty({ type: [SegmentContactDto], description: 'The oldest matching contacts (opted-out ones excluded)' }) sample: SegmentContactDto[];
}
