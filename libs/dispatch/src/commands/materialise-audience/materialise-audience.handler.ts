import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DispatchQueue } from '../../dispatch-queue';
import { MaterialiseAudienceCommand } from './materialise-audience.command';

@CommandHandler(MaterialiseAudienceCommand)
export class MaterialiseAudienceHandler implements ICommandHandler<MaterialiseAudienceCommand> {
  constructor(private readonly queue: DispatchQueue) {}

  async execute(cmd: MaterialiseAudienceCommand): Promise<void> {
    await this.queue.materialise(cmd.campaignId);
  }
}
