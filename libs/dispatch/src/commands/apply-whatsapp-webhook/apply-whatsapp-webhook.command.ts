import { Command } from '@nestjs/cqrs';

/** A POST from WhatsApp: verified against the owning channel's app secret, then applied. */
export class ApplyWhatsAppWebhookCommand extends Command<{ statuses: number; template_updates: number; replies: number }> {
  constructor(
    readonly rawBody: Buffer,
    readonly signature: string | undefined,
    readonly body: unknown,
  ) {
    super();
  }
}
