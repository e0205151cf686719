import { Command } from '@nestjs/cqrs';

/** Dispatch materialised the audience: total_recipients is now known. */
export class RecordMaterialisedCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
    readonly totalRecipients: number,
  ) {
    super();
  }
}
