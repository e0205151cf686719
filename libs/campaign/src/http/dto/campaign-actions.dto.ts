import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsObject, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

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

export class AudiencePreviewResponseDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Contacts excluded because they opted out' }) opted_out: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Up to 10 contacts: id, first_name, last_name, phone' })
  sample: Array<Record<string, unknown>>;
}

export class FieldCoverageResponseDto {
  @ApiProperty() total_recipients: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, example: { email: { present: 812, missing: 435 } } })
  coverage: Record<string, { present: number; missing: number }>;
}

export class RenderPreviewResponseDto {
  @ApiProperty({ format: 'uuid' }) campaign_id: string;
  @ApiProperty({ format: 'uuid' }) sample_contact_id: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) resolved_components: Array<Record<string, unknown>>;
  @ApiProperty({ type: [String] }) missing_variables: string[];
}

export const MAX_RECIPIENTS_PER_CALL = 10_000;

export class ExplicitRecipientDto {
  @ApiPropertyOptional({ description: 'E.164 phone (a phone that is no contact yet becomes one); give this or contact_id', example: '+14155552671' })
  @ValidateIf((o) => o.contact_id === undefined) @IsString() @Length(1, 64)
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A contact of the workspace; give this or phone' })
  @ValidateIf((o) => o.phone === undefined) @IsUUID('4')
  contact_id?: string;

  @ApiPropertyOptional({
    type: Object,
    description: 'Values for this recipient by placeholder (`body.1`, `header.1`, `buttons.0.1`, or a bare number for the body); they win over the variable mapping',
    example: { '1': 'Asha', 'body.2': 'ORD-1042' },
  })
  @IsOptional() @IsObject()
  variables?: Record<string, string | number>;
}

export class AddRecipientsDto {
  @ApiProperty({ type: [ExplicitRecipientDto], minItems: 1, maxItems: MAX_RECIPIENTS_PER_CALL })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECIPIENTS_PER_CALL) @ValidateNested({ each: true }) @Type(() => ExplicitRecipientDto)
  recipients: ExplicitRecipientDto[];
}

export class AddRecipientsFailureDto {
  @ApiProperty({ description: 'Position in `recipients`' }) index: number;
  @ApiProperty({ enum: ['INVALID_PHONE', 'CONTACT_NOT_FOUND', 'DUPLICATE_RECIPIENT', 'INVALID_VARIABLES'] }) code: string;
  @ApiProperty() message: string;
}

export class AddRecipientsResponseDto {
  @ApiProperty({ description: 'Recipients new to the campaign' }) added: number;
  @ApiProperty({ description: 'Recipients already added whose values were replaced' }) updated: number;
  @ApiProperty({ description: 'Phones that were no contact yet' }) contacts_created: number;
  @ApiProperty({ type: [AddRecipientsFailureDto] }) failed: AddRecipientsFailureDto[];
}
