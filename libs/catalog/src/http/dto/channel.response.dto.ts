import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';

export class ChannelResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '106540352242922' }) phone_number_id: string;
  @ApiProperty({ example: '102290129340398' }) waba_id: string;
  @ApiProperty({ example: 'https://graph.facebook.com' }) api_base_url: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000 }) messages_per_second: number;
  @ApiPropertyOptional({ nullable: true, type: 'integer', enum: [250, 2000, 10000, 100000], description: 'Unique users a day; null: unlimited' })
  messaging_limit: number | null;
  @ApiProperty({ description: 'The access token is stored encrypted and never returned' }) has_access_token: boolean;
  @ApiProperty({ description: 'The app secret is stored encrypted and never returned' }) has_app_secret: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class ChannelListResponseDto {
  @ApiProperty({ type: [ChannelResponseDto] }) data: ChannelResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}
