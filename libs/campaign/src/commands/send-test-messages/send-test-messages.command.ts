import { Command } from '@nestjs/cqrs';

/** What one test message came to: Meta's message id, or the error that stopped it. */
export interface TestSendResult {
  phone: string;
  contactId: string | null;
  wamid: string | null;
  error: { code: string; message: string } | null;
}

/**
 * Renders the campaign's template for each target (a contact, or a phone rendered with the fields of the
 * workspace's contact with that number, if any) and sends it now through the channel's client and rate
 * limiter, outside the campaign's recipients and stats; each send is logged for the campaign's timeline.
 * Declared by Campaign, which guards it by the campaign's state, and handled by Dispatch, which sends.
 */
export class SendTestMessagesCommand extends Command<TestSendResult[]> {
  constructor(
    readonly campaign: { id: string; workspaceId: string; templateId: string; channelId: string | null; variableMapping: Record<string, unknown> | null },
    readonly phones: string[],
    readonly contactIds: string[],
  ) {
    super();
  }
}
