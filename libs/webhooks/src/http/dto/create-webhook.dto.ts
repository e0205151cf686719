import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { SUBSCRIBABLE_EVENTS } from '../../domain/webhook-events';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://example.com/hooks/campaigns',
    description: 'http(s) URL; in production it must resolve to public addresses only (else WEBHOOK_URL_NOT_ALLOWED)',
  })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true }, { message: 'url must be an http(s) URL' })
  url: string;

  @ApiProperty({ type: [String], enum: SUBSCRIBABLE_EVENTS, example: ['campaign.completed', 'campaign.failed'], description:
      '`["*"]` for every event. `campaign.started` is sent before the audience is materialised (its `total_recipients` is 0); ' +
      '`campaign.materialised` follows once the recipients are in the ledger, with the real `total_recipients` (again after an ' +
      'audience replaced while paused is applied on resume).',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUBSCRIBABLE_EVENTS.length)
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true, message: `each value in events must be one of: ${SUBSCRIBABLE_EVENTS.join(', ')}` })
  events: string[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
