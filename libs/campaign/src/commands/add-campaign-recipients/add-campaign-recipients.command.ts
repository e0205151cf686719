import { Command } from '@nestjs/cqrs';

export interface ExplicitRecipient {
  phone?: string;
  contactId?: string;
  variables?: unknown;
}

export interface RecipientsAdded {
  added: number;
  updated: number;
  contactsCreated: number;
  failed: Array<{ index: number; code: string; message: string }>;
}

/**
 * Adds recipients to a DRAFT or PAUSED campaign beside its audience, each with values of its own that win
 * over the variable mapping; a phone that is no contact yet becomes one. Adding one again replaces its values.
 */
export class AddCampaignRecipientsCommand extends Command<RecipientsAdded> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly recipients: ExplicitRecipient[],
  ) {
    super();
  }
}
