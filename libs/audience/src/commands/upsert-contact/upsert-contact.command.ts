import { Command } from '@nestjs/cqrs';
import type { CustomFields } from '../../domain/custom-fields';
import type { ContactWithGroups } from '../../queries/get-contact-details/get-contact-details.query';

/** Creates the contact with this phone or updates it; `created` tells which (201 vs 200). */
export class UpsertContactCommand extends Command<{ created: boolean; contact: ContactWithGroups }> {
  constructor(
    readonly workspaceId: string,
    readonly input: {
      phone: string;
      firstName?: string | null;
      lastName?: string | null;
      email?: string | null;
      customFields?: CustomFields | null;
      sourceId?: string;
      groupIds?: string[];
    },
  ) {
    super();
  }
}
