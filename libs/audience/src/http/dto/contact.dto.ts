import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { PageQueryDto, ApiPageTotal } from '@app/platform';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf,
} from 'class-validator';
import { MAX_BULK_CONTACTS, MAX_EMAIL, MAX_NAME } from '../../domain/contact-input';
import { MAX_CUSTOM_FIELDS, MAX_CUSTOM_FIELD_KEY } from '../../domain/custom-fields';
import { IsCustomFields } from './is-custom-fields';

const CUSTOM_FIELDS_DOC =
  `Flat JSON object of scalars (string, number, boolean, null); at most ${MAX_CUSTOM_FIELDS} keys of at most ` +
  `${MAX_CUSTOM_FIELD_KEY} characters; nested objects and arrays are rejected. When given it REPLACES the stored object.`;
/** A flat object of scalars: what `IsCustomFields` accepts. */
const CUSTOM_FIELDS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
  example: { order_id: 'ORD-1042', vip: true },
};
const PHONE_DOC = 'International number starting with + (any formatting); stored in E.164. Invalid: 400 INVALID_PHONE';

export class ContactFieldsDto {
  @ApiPropertyOptional({ maxLength: MAX_NAME, nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(MAX_NAME)
  first_name?: string | null;

  @ApiPropertyOptional({ maxLength: MAX_NAME, nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(MAX_NAME)
  last_name?: string | null;

  @ApiPropertyOptional({ maxLength: MAX_EMAIL, nullable: true, type: String, format: 'email' })
  @IsOptional() @IsEmail() @MaxLength(MAX_EMAIL)
  email?: string | null;

  @ApiPropertyOptional({ ...CUSTOM_FIELDS_SCHEMA, nullable: true, description: CUSTOM_FIELDS_DOC })
  @IsOptional() @IsCustomFields()
  custom_fields?: Record<string, string | number | boolean | null> | null;
}

export class UpsertContactDto extends ContactFieldsDto {
  @ApiProperty({ description: PHONE_DOC, example: '+14155552671' })
  @IsString() @Length(1, 64)
  phone: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Sets the contact\'s source (replacing any previous one)' })
  @IsOptional() @IsUUID('4')
  source_id?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Groups to add the contact to (it stays in its other groups)' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  group_ids?: string[];
}

export class UpdateContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ description: `${PHONE_DOC}. Taken by another contact: 409 PHONE_ALREADY_EXISTS` })
  @ValidateIf((o) => o.phone !== undefined) @IsString() @Length(1, 64)
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null detaches the contact from its source' })
  @IsOptional() @IsUUID('4')
  source_id?: string | null;

  @ApiPropertyOptional({ description: 'true: the contact is never messaged (counted as skipped)' })
  @ValidateIf((o) => o.opted_out !== undefined) @IsBoolean()
  opted_out?: boolean;
}

export class BulkContactRowDto extends ContactFieldsDto {
  @ApiProperty({ description: PHONE_DOC, example: '+447911123456' }) phone: string;
}

export class BulkUpsertContactsDto {
  @ApiProperty({
    type: [BulkContactRowDto],
    maxItems: MAX_BULK_CONTACTS,
    description:
      'Rows are validated one by one: a bad row is reported in `failed` and the others are still upserted. ' +
      'Absent or null fields keep the stored value. A phone repeated in the request: the first row is used, ' +
      'the later ones fail with DUPLICATE_PHONE.',
  })
  @IsArray() @ArrayMaxSize(MAX_BULK_CONTACTS)
  contacts: unknown[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Groups every upserted contact is added to' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  group_ids?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Source set on every upserted contact' })
  @IsOptional() @IsUUID('4')
  source_id?: string;
}

export class ListContactsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this group' })
  @IsOptional() @IsUUID('4')
  group_id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only contacts from this source' })
  @IsOptional() @IsUUID('4')
  source_id?: string;

  @ApiPropertyOptional({ description: 'Exact phone (normalised to E.164 first; URL-encode the +)' })
  @IsOptional() @IsString() @Length(1, 64)
  phone?: string;
}

export class ContactResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '+14155552671', description: 'E.164' }) phone: string;
  @ApiPropertyOptional({ nullable: true, type: String }) first_name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) last_name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty(CUSTOM_FIELDS_SCHEMA) custom_fields: Record<string, string | number | boolean | null>;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) source_id: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) group_ids: string[];
  @ApiProperty({ description: 'Opted out of every message (never sent to)' }) opted_out: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['ALL', 'MARKETING'],
    description:
      'What the contact opted out of: `ALL` (opted_out: an API opt-out or a STOP ALL reply), `MARKETING` (a STOP reply, or WhatsApp ' +
      'refused a marketing template with 131050: MARKETING campaigns skip the contact, UTILITY and AUTHENTICATION ones still reach it), or null',
  })
  opt_out_scope: 'ALL' | 'MARKETING' | null;
  @ApiProperty({ nullable: true, type: String, example: 'KEYWORD_REPLY:STOP', description: 'KEYWORD_REPLY:<keyword>, API or META_131050' })
  opt_out_reason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) opted_out_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class ContactListResponseDto {
  @ApiProperty({ type: [ContactResponseDto] }) data: ContactResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

export class BulkRowFailureDto {
  @ApiProperty({ type: 'integer', description: 'Position of the row in `contacts`' }) index: number;
  @ApiProperty({ enum: ['VALIDATION_FAILED', 'INVALID_PHONE', 'INVALID_CUSTOM_FIELDS', 'DUPLICATE_PHONE'] }) code: string;
  @ApiProperty() message: string;
}

export class BulkUpsertResponseDto {
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: [BulkRowFailureDto] }) failed: BulkRowFailureDto[];
}
