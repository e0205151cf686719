import { Command } from '@nestjs/cqrs';
import type { ContactPatch } from '../../database/contact.repository';
import type { ContactWithGroups } from '../../queries/get-contact-details/get-contact-details.query';

/**
 * Only the given fields change; null clears a field (custom_fields null: {}), custom_fields replaces.
 * `optedOut` opts the contact out of every message (or back in), announced like any opt-out.
 */
export class UpdateContactCommand extends Command<ContactWithGroups> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
    readonly patch: ContactPatch & { optedOut?: boolean },
  ) {
    super();
  }
}
