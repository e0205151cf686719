import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import { TestSendTargetsRequiredError } from '../../domain/campaign.errors';
import { CampaignReferences } from '../campaign-references';
import { SendTestMessagesCommand } from '../send-test-messages/send-test-messages.command';
import { TestSendCampaignCommand } from './test-send-campaign.command';

/** A test is a handful of messages to the operator's own phones, not a way around the campaign's run. */
const MAX_TEST_TARGETS = 10;

@CommandHandler(TestSendCampaignCommand)
export class TestSendCampaignHandler implements ICommandHandler<TestSendCampaignCommand> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly refs: CampaignReferences,
    private readonly commands: CommandBus,
  ) {}

  async execute(cmd: TestSendCampaignCommand) {
    const targets = new Set(cmd.phones).size + new Set(cmd.contactIds).size;
    if (targets < 1 || targets > MAX_TEST_TARGETS) throw new TestSendTargetsRequiredError();
    const campaign = await this.campaigns.findById(cmd.workspaceId, cmd.campaignId);
    campaign.checkTestSend();
    const c = campaign.snapshot();
    await this.refs.assertSendable(c);
    return this.commands.execute(new SendTestMessagesCommand(c, cmd.phones, cmd.contactIds));
  }
}
