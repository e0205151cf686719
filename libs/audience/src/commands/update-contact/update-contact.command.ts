import { Command } from '@nestjs/cqrs';
import type { ContactPatch } from '../../database/contact.repository';
import type { ContactResponseDto } from '../../http/dto/contact.dto';

/** Only the given fields change; null clears a field (custom_fields null: {}), custom_fields replaces. */
export class UpdateContactCommand extends Command<ContactResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
    readonly patch: ContactPatch,
  ) {
    super();
  }
}
