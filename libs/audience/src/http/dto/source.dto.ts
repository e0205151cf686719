import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';
import { IsString, Length } from 'class-validator';

export class CreateSourceDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Shopify import May' })
  @IsString() @Length(1, 120)
  name: string;
}

export class SourceResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class SourceListResponseDto {
  @ApiProperty({ type: [SourceResponseDto] }) data: SourceResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}
