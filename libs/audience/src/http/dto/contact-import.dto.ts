import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class StartContactImportQueryDto {
  @ApiPropertyOptional({
    type: [String], format: 'uuid', maxItems: 100,
    description: 'Groups every imported contact joins: comma-separated ids (or the parameter repeated)', example: '3f1c9a70-6c55-4f3e-9e1f-0a4a1c1f2b7e',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value))
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', { each: true })
  group_ids?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Source set on every imported contact' })
  @IsOptional() @IsUUID('4')
  source_id?: string;

  @ApiPropertyOptional({
    description:
      'JSON object: CSV column name -> `phone`, `first_name`, `last_name`, `email`, `timezone`, `opted_out`, `custom_fields.<key>`, or null to ignore ' +
      'the column. Columns it does not name map by their own name (standard fields case-insensitively, any other to `custom_fields.<name>`).',
    example: '{"Mobile":"phone","Nick":"custom_fields.nickname","Notes":null}',
  })
  @IsOptional() @IsString() @MaxLength(20_000)
  mapping?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'Name shown on the import for a text/csv body (a multipart upload carries its own)', example: 'customers.csv' })
  @IsOptional() @IsString() @MaxLength(255)
  file_name?: string;
}

export class ContactImportErrorInfoDto {
  @ApiProperty({ example: 'INVALID_HEADER' }) code: string;
  @ApiProperty({ example: 'no column maps to phone' }) message: string;
}

export class ContactImportResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'], example: 'processing' }) status: string;
  @ApiProperty({ nullable: true, type: String, example: 'customers.csv' }) file_name: string | null;
  @ApiProperty({ description: 'Size of the uploaded file', example: 48_213_004 }) bytes: number;
  @ApiProperty({ type: [String], format: 'uuid' }) group_ids: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) source_id: string | null;
  @ApiProperty({ type: Object, nullable: true, example: { Mobile: 'phone' } }) mapping: Record<string, string | null> | null;
  @ApiProperty({ description: 'Data rows read so far (the header not counted)', example: 250_000 }) rows_read: number;
  @ApiProperty({ description: 'Contacts created (set when completed)', example: 990_000 }) created: number;
  @ApiProperty({ description: 'Existing contacts the file changed', example: 4_000 }) updated: number;
  @ApiProperty({ description: 'Existing contacts the file left as they were (a re-import)', example: 5_000 }) unchanged: number;
  @ApiProperty({ description: 'Rows rejected; see /errors', example: 1_000 }) rejected: number;
  @ApiProperty({ minimum: 0, maximum: 100, example: 25 }) progress_percent: number;
  @ApiProperty({ type: ContactImportErrorInfoDto, nullable: true, description: 'Why a failed import failed (nothing of it was imported)' })
  error: ContactImportErrorInfoDto | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completed_at: string | null;
}

export class ContactImportRowErrorDto {
  @ApiProperty({ description: 'Line of the file the row starts on (the header is line 1)', example: 7 }) line: number;
  @ApiProperty({ enum: ['VALIDATION_FAILED', 'INVALID_PHONE', 'INVALID_CUSTOM_FIELDS', 'INVALID_TIMEZONE', 'INVALID_OPTED_OUT', 'INVALID_CHARACTERS', 'DUPLICATE_PHONE'], example: 'INVALID_PHONE' })
  code: string;
  @ApiProperty({ example: '+1415555 is not a valid phone number' }) message: string;
  @ApiProperty({ nullable: true, type: String, description: 'The phone cell as written', example: '+1415555' }) phone: string | null;
}

export class ContactImportErrorListDto {
  @ApiProperty({ type: [ContactImportRowErrorDto] }) data: ContactImportRowErrorDto[];
  @ApiProperty({ nullable: true, type: String }) next_cursor: string | null;
}
