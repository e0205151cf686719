import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { EMPTY_STATS, GetCampaignStatsQuery, type CampaignStats } from '@app/campaign';
import { RecountRecipientStatsCommand } from '@app/dispatch';
import { RefreshCampaignStatsCommand } from './refresh-campaign-stats.command';

/** The counters are kept by the recipient ledger; refreshing recounts them from the rows and reads them back. */
@CommandHandler(RefreshCampaignStatsCommand)
export class RefreshCampaignStatsHandler implements ICommandHandler<RefreshCampaignStatsCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ campaignId }: RefreshCampaignStatsCommand): Promise<CampaignStats> {
    await this.commands.execute(new RecountRecipientStatsCommand(campaignId));
    return (await this.queries.execute(new GetCampaignStatsQuery([campaignId]))).get(campaignId) ?? { ...EMPTY_STATS };
  }
}
