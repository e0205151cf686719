import { Command } from '@nestjs/cqrs';
import type { TestSendResult } from '../send-test-messages/send-test-messages.command';

/** Sends the campaign's message now to a few phones or contacts (DRAFT or SCHEDULED), without running it. */
export class TestSendCampaignCommand extends Command<TestSendResult[]> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly phones: string[],
    readonly contactIds: string[],
  ) {
    super();
  }
}
