import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignTransition } from '../campaign-transition';
import { RecordMaterialisedCommand } from './record-materialised.command';

@CommandHandler(RecordMaterialisedCommand)
export class RecordMaterialisedHandler implements ICommandHandler<RecordMaterialisedCommand> {
  constructor(private readonly transition: CampaignTransition) {}

  async execute(cmd: RecordMaterialisedCommand): Promise<void> {
    await this.transition.run(null, cmd.campaignId, (c) => c.recordMaterialised(cmd.totalRecipients));
  }
}
