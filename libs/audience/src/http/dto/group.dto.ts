import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

const MAX_MEMBERS_PER_CALL = 10_000;

export class CreateGroupDto {
  @ApiProperty({ minLength: 1, maxLength: 120 })
  @IsString() @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;
}

export class UpdateGroupDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @ValidateIf((o) => o.name !== undefined) @IsString() @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null clears it' })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;
}

export class AddGroupMembersDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_MEMBERS_PER_CALL })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_MEMBERS_PER_CALL) @IsUUID('4', { each: true })
  contact_ids?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_MEMBERS_PER_CALL, description: 'Phones of existing contacts (normalised to E.164)' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_MEMBERS_PER_CALL) @IsString({ each: true })
  phones?: string[];
}

export class RemoveGroupMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_MEMBERS_PER_CALL })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_MEMBERS_PER_CALL) @IsUUID('4', { each: true })
  contact_ids: string[];
}

export class GroupResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: 'integer', description: 'Contacts in the group, opted-out ones included' }) member_count: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class GroupListResponseDto {
  @ApiProperty({ type: [GroupResponseDto] }) data: GroupResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

export class NotFoundMembersDto {
  @ApiProperty({ type: [String], description: 'contact_ids that are not contacts of this workspace' }) contact_ids: string[];
  @ApiProperty({ type: [String], description: 'Valid phones (E.164) of no contact of this workspace' }) phones: string[];
}

export class AddGroupMembersResponseDto {
  @ApiProperty({ type: 'integer', description: 'Contacts newly added' }) added: number;
  @ApiProperty({ type: 'integer', description: 'Contacts that were members already' }) already_members: number;
  @ApiProperty({ type: NotFoundMembersDto }) not_found: NotFoundMembersDto;
  @ApiProperty({ type: [String], description: 'Entries of `phones` that are not valid phone numbers' }) invalid_phones: string[];
  @ApiProperty({ type: 'integer' }) member_count: number;
}

export class RemoveGroupMembersResponseDto {
  @ApiProperty({ type: 'integer' }) removed: number;
  @ApiProperty({ type: [String], description: 'contact_ids that were not members of the group (or are unknown)' }) not_members: string[];
  @ApiProperty({ type: 'integer' }) member_count: number;
}
