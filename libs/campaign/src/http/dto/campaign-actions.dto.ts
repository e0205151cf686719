import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TEMPLATE_COMPONENT_SCHEMA } from '@app/catalog';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ScheduleCampaignDto {
  @ApiProperty({ format: 'date-time', description: 'Future UTC start time' })
  @IsDateString({ strict: true })
  scheduled_at: string;
}

export class FieldCoverageDto {
  @ApiProperty({ type: [String], example: ['first_name', 'email', 'custom_fields.order_id'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true })
  fields: string[];
}

export class RenderPreviewDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the first contact of the audience' })
  @IsOptional() @IsUUID('4')
  sample_contact_id?: string;
}

export class AudienceSampleContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) first_name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) last_name: string | null;
  @ApiProperty({ example: '+14155552671' }) phone: string;
}

export class AudiencePreviewResponseDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Contacts excluded because they opted out' }) opted_out: number;
  @ApiProperty({ type: [AudienceSampleContactDto], description: 'Up to 10 contacts of the audience' })
  sample: AudienceSampleContactDto[];
}

export class FieldCoverageResponseDto {
  @ApiProperty({ type: 'integer' }) total_recipients: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', required: ['present', 'missing'], properties: { present: { type: 'integer' }, missing: { type: 'integer' } } }, example: { email: { present: 812, missing: 435 } } })
  coverage: Record<string, { present: number; missing: number }>;
}

export class RenderPreviewResponseDto {
  @ApiProperty({ format: 'uuid' }) campaign_id: string;
  @ApiProperty({ format: 'uuid' }) sample_contact_id: string;
  @ApiProperty({ type: 'array', items: TEMPLATE_COMPONENT_SCHEMA, description: "The template's components with the sample contact's values in place of the placeholders" }) resolved_components: Array<Record<string, unknown>>;
  @ApiProperty({ type: [String] }) missing_variables: string[];
}
