import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull } from '@app/platform';
import { Type } from 'class-transformer';
import { VARIABLE_MAPPING_SCHEMA } from './variable-mapping.schema';
import {
  IsArray, IsDateString, IsDefined, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested, ArrayMaxSize,
  ArrayMinSize, IsIn, Matches,
} from 'class-validator';
import { LOCAL_TIME, WEEKDAYS, type Weekday } from '../../domain/send-window';

export class AudienceDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Group ids' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  groups?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Source ids' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  sources?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Segment ids (saved filters, evaluated when the campaign is materialised)' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  segments?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 10_000, description: 'Contacts by id, up to 10,000 (for more, use a group, a segment or POST /campaigns/{id}/recipients)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('4', { each: true })
  contact_ids?: string[];
}

export class SendWindowDto {
  @ApiProperty({ example: '09:00', description: 'Local time the window opens (HH:MM or HH:MM:SS, 24 h)' })
  @IsString() @Matches(LOCAL_TIME, { message: 'start must be HH:MM or HH:MM:SS' })
  start: string;

  @ApiProperty({ example: '20:00', description: 'Local time it closes (exclusive), after start: a window lies within one day' })
  @IsString() @Matches(LOCAL_TIME, { message: 'end must be HH:MM or HH:MM:SS' })
  end: string;

  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['MON', 'TUE', 'WED', 'THU', 'FRI'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsIn(WEEKDAYS, { each: true })
  days: Weekday[];

  @ApiProperty({
    example: 'recipient',
    description:
      '`recipient`: each recipient\'s own zone (the contact\'s `custom_fields.timezone` if set, else its phone number\'s country; a ' +
      'country with several zones uses its most populous one, else `fallback_timezone`), or one IANA zone for everyone (e.g. `Europe/Madrid`)',
  })
  @IsString() @Length(1, 64)
  timezone: string;

  @ApiPropertyOptional({ example: 'America/New_York', nullable: true, type: String, description: 'For recipients whose zone cannot be told (default UTC)' })
  @IsOptional() @IsString() @Length(1, 64)
  fallback_timezone?: string | null;
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

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 50 })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(1000)
  batch_size?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 600000, default: 0, description: 'Pause between batches' })
  @IsOptionalNotNull() @IsInt() @Min(0) @Max(600000)
  batch_delay_ms?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    example: 0.2,
    description:
      'Failure guard (default 0.5 when omitted): once at least min(100, audience) sends were attempted, a share of failed attempts above this fraction ' +
      '(0–1, not a percentage) pauses the campaign with pause_reason HIGH_FAILURE_RATE (resumable; the guard then judges the ' +
      'sends after the resume). `null` turns the guard off. Whatever the threshold, a campaign whose attempted sends all failed ends FAILED.',
  })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  max_failure_rate?: number | null;

  @ApiPropertyOptional({
    type: SendWindowDto,
    nullable: true,
    description: 'Quiet hours: recipients are messaged only inside this local window; the others wait for their window to open. null: any time.',
  })
  @IsOptional() @ValidateNested() @Type(() => SendWindowDto)
  send_window?: SendWindowDto | null;

  @ApiPropertyOptional({ ...VARIABLE_MAPPING_SCHEMA, description: `Required for templates with variables or a media header. ${VARIABLE_MAPPING_SCHEMA.description}` })
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
