import { Query } from '@nestjs/cqrs';
import type { WebhookResponseDto } from '../../http/dto/webhook.response.dto';

export class GetWebhookQuery extends Query<WebhookResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}
