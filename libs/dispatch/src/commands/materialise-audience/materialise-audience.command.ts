import { Command } from '@nestjs/cqrs';

/**
 * The campaign started or resumed: bring its recipient rows up to date with its audience, then dispatch
 * (in the worker). A campaign resumed back into SCHEDULED gets its start re-armed instead.
 */
export class MaterialiseAudienceCommand extends Command<void> {
  constructor(readonly campaignId: string) {
    super();
  }
}
