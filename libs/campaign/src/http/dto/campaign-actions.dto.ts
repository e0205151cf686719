import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TEMPLATE_COMPONENT_SCHEMA } from '@app/catalog';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '@app/platform';
import { CLONE_OUTCOMES, type CloneOutcome } from '../../commands/create-outcome-group/create-outcome-group.command';
import { CampaignResponseDto } from './campaign.response.dto';

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

export class RetryCampaignDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['131026', '131049'],
    description:
      'Failure codes to retry (Meta numeric codes or engine codes). Default: every failure that says nothing lasting about the ' +
      'recipient (throughput, Meta-side errors, sender-side errors, 131026, 131049, 130472). 131050, OPTED_OUT, INVALID_PHONE and ' +
      'DISPATCH_UNCERTAIN are never retried (400 CODE_NOT_RETRYABLE).',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @Matches(/^[A-Z0-9_]{1,40}$/, { each: true })
  codes?: string[];
}

export class RetryCampaignResponseDto extends CampaignResponseDto {
  @ApiProperty({ description: 'Failed recipients put back to pending by this retry', example: 42 }) requeued: number;
}

export class CloneCampaignDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120, example: 'Spring sale — follow-up', description: 'Default: "<name> (copy)"' })
  @IsOptionalNotNull() @IsString() @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({
    enum: CLONE_OUTCOMES,
    example: 'not_read',
    description:
      "Build the copy's audience from this campaign's outcome instead of copying its groups and sources: a new group of those " +
      'contacts, made now. `failed`: recipients that failed; `not_delivered`: also those sent but never delivered and those never ' +
      'attempted; `not_read`: also those delivered but not read. Skipped recipients (opted out, invalid) are in none.',
  })
  @IsOptionalNotNull() @IsIn(CLONE_OUTCOMES)
  audience?: CloneOutcome;
}

const E164_EXAMPLE = '+14155550123';

export class TestSendDto {
  @ApiPropertyOptional({
    type: [String], example: [E164_EXAMPLE], maxItems: 10,
    description: 'E.164 numbers; a number of a contact of the workspace is rendered with that contact\'s fields',
  })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Matches(/^\+[1-9][0-9]{6,14}$/, { each: true, message: 'each phone must be E.164 (+ and 7 to 15 digits)' })
  phones?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 10, description: 'Contacts of the workspace, rendered with their fields' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(10) @IsUUID('4', { each: true })
  contact_ids?: string[];
}

export class TestSendErrorDto {
  @ApiProperty({ example: '131026', description: "Meta's error code, or CONTACT_NOT_FOUND, OPTED_OUT, MISSING_VARIABLE" }) code: string;
  @ApiProperty({ example: 'Message undeliverable' }) message: string;
}

export class TestSendResultDto {
  @ApiProperty({ example: E164_EXAMPLE }) phone: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) contact_id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'wamid.HBgLMTQxNTU1NTAxMjMVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }) wamid: string | null;
  @ApiProperty({ type: TestSendErrorDto, nullable: true }) error: TestSendErrorDto | null;
}

export class TestSendResponseDto {
  @ApiProperty({ type: [TestSendResultDto] }) data: TestSendResultDto[];
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
