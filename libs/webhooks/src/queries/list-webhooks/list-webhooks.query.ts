import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { WebhookResponseDto } from '../../http/dto/webhook.response.dto';

export class ListWebhooksQuery extends Query<Page<WebhookResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
