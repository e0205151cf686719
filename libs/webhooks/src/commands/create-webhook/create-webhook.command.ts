import { Command } from '@nestjs/cqrs';
import type { CreatedWebhookResponseDto } from '../../http/dto/webhook.response.dto';

export class CreateWebhookCommand extends Command<CreatedWebhookResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly input: { url: string; events: string[]; description?: string | null },
  ) {
    super();
  }
}
