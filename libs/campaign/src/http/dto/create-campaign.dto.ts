import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull } from '@app/platform';
import { Type } from 'class-transformer';
import {
  IsArray, IsDateString, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested, ArrayMaxSize,
} from 'class-validator';

export class AudienceDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Group ids' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  groups?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Source ids' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  sources?: string[];
}

export class CreateCampaignDto {
  @ApiProperty({ minLength: 1, maxLength: 120 })
  @IsString() @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiProperty({ description: "Our template UUID or Meta's template id" })
  @IsString() @IsNotEmpty() @MaxLength(255)
  template_id: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Sender channel; defaults to the workspace's only channel" })
  @IsOptionalNotNull() @IsUUID('4')
  channel_id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 50 })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(1000)
  batch_size?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 600000, default: 0, description: 'Pause between batches' })
  @IsOptionalNotNull() @IsInt() @Min(0) @Max(600000)
  batch_delay_ms?: number;

  @ApiPropertyOptional({
    type: Object,
    description:
      'Required for templates with variables or a media header. `{header?, body?, buttons?}`: `body`/`header` map each `{{n}}` ' +
      'to a source (a contact field name, `{field, fallback?}` or `{value}`), `buttons` map a URL button\'s index to its ' +
      'placeholders. An IMAGE, VIDEO or DOCUMENT header takes `header: {media: {link: "https://…"}}` (one asset for everyone) ' +
      'or `header: {media: {field: "custom_fields.invoice_url", fallback?: "https://…"}}` (per recipient), plus `filename` ' +
      '(a string or `{field, fallback?}`) for a DOCUMENT. Links must be https. Anything that does not fit the template is 422 ' +
      'INVALID_VARIABLE_MAPPING with every problem in `details`.',
    example: { header: { media: { field: 'custom_fields.invoice_url', filename: 'invoice.pdf' } }, body: { '1': { field: 'first_name', fallback: 'there' } } },
  })
  // Its shape (an object included) is the mapping validator's to judge, so every mapping problem is one 422;
  // null alone is refused here, like every optional field without a meaning for null.
  @IsOptionalNotNull() @IsDefined()
  variable_mapping?: Record<string, unknown>;

  @ApiPropertyOptional({ type: AudienceDto })
  @IsOptionalNotNull() @ValidateNested() @Type(() => AudienceDto)
  audience?: AudienceDto;

  @ApiPropertyOptional({ format: 'date-time', description: 'Future UTC time: the campaign starts SCHEDULED' })
  @IsOptionalNotNull() @IsDateString({ strict: true })
  scheduled_at?: string;
}
