import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export const MESSAGING_LIMITS = [250, 2000, 10000, 100000] as const;
const GRAPH_ID = /^[0-9A-Za-z_-]{1,64}$/;

export class CreateChannelDto {
  @ApiProperty({ minLength: 1, maxLength: 120 })
  @IsString() @Length(1, 120)
  name: string;

  @ApiProperty({ example: '106540352242922', description: "Meta's phone number id; unique per workspace" })
  @IsString() @Matches(GRAPH_ID, { message: 'phone_number_id must be a Graph API id' })
  phone_number_id: string;

  @ApiProperty({ example: '102290129340398', description: 'WhatsApp Business Account id' })
  @IsString() @Matches(GRAPH_ID, { message: 'waba_id must be a Graph API id' })
  waba_id: string;

  @ApiProperty({ writeOnly: true, description: 'Graph API access token; stored encrypted, never returned' })
  @IsString() @Length(1, 4096)
  access_token: string;

  @ApiProperty({ writeOnly: true, description: 'Meta app secret, to verify inbound webhook signatures; stored encrypted, never returned' })
  @IsString() @Length(1, 256)
  app_secret: string;

  @ApiPropertyOptional({ example: 'https://graph.facebook.com', description: "Graph API base URL; defaults to the server's (Meta's, or a sandbox)" })
  @IsOptional() @IsString() @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'api_base_url must be an http(s) URL' })
  api_base_url?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10000, default: 80, description: 'Throughput cap of this number' })
  @IsOptional() @IsInt() @Min(1) @Max(10000)
  messages_per_second?: number;

  @ApiPropertyOptional({ nullable: true, type: 'integer', enum: MESSAGING_LIMITS, default: null, description: "Meta's 24 h unique-user limit; null: unlimited" })
  @IsOptional() @IsIn(MESSAGING_LIMITS)
  messaging_limit?: number | null;
}
