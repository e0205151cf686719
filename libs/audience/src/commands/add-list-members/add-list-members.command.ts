import { Command } from '@nestjs/cqrs';

export interface ListMemberInput {
  phone?: string;
  contactId?: string;
  /** Stored as given; null keeps none. */
  variables: Record<string, string> | null;
}

export interface ListMemberFailure {
  index: number;
  code: 'INVALID_PHONE' | 'CONTACT_NOT_FOUND' | 'DUPLICATE_RECIPIENT';
  message: string;
}

export interface ListMembersAdded {
  added: number;
  updated: number;
  contactsCreated: number;
  failed: ListMemberFailure[];
}

/**
 * Adds contacts (by id, or by phone: a phone that is no contact yet becomes one) to a list with their own
 * values; a contact already in the list gets the new values. All valid members or none, in one transaction.
 */
export class AddListMembersCommand extends Command<ListMembersAdded> {
  constructor(
    readonly workspaceId: string,
    readonly listId: string,
    readonly members: ListMemberInput[],
  ) {
    super();
  }
}
