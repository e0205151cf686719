import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String], example: ['campaign.completed'] }) events: string[];
  @ApiProperty({ enum: ['enabled', 'disabled'], description: 'disabled after the receiver answered 410 Gone' }) status: 'enabled' | 'disabled';
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) disabled_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) disabled_reason: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class CreatedWebhookResponseDto extends WebhookResponseDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks signing secret. Shown only in this response: store it now.',
  })
  secret: string;
}

export class WebhookListResponseDto {
  @ApiProperty({ type: [WebhookResponseDto] }) data: WebhookResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event id: body `id` and `webhook-id` header, the same on every attempt' }) event_id: string;
  @ApiProperty({ example: 'campaign.completed' }) event_type: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: 'pending' | 'delivered' | 'failed';
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiPropertyOptional({ nullable: true, type: 'integer', description: 'HTTP status of the last attempt; null when no response came' })
  last_response_status: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer', description: 'Duration of the last attempt' }) latency_ms: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) last_error: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'While pending' }) next_attempt_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) last_attempt_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) delivered_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class WebhookDeliveryListResponseDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto] }) data: WebhookDeliveryResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}
