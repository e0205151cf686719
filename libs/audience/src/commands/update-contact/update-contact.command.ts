import { Command } from '@nestjs/cqrs';
import type { CustomFields } from '../../domain/custom-fields';
import type { ContactResponseDto } from '../../http/dto/contact.dto';

/** Only the given fields change; null clears a field (custom_fields null: {}), custom_fields replaces. */
export class UpdateContactCommand extends Command<ContactResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
    readonly patch: {
      phone?: string;
      firstName?: string | null;
      lastName?: string | null;
      email?: string | null;
      customFields?: CustomFields | null;
      sourceId?: string | null;
      optedOut?: boolean;
    },
  ) {
    super();
  }
}
