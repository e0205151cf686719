import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AddGroupMembersCommand, CreateGroupCommand } from '@app/audience';
import { CloneOutcome, CreateOutcomeGroupCommand } from '@app/campaign';
import { RecipientLedger } from '../../database/recipient-ledger';
import { RecipientStatus } from '../../domain/recipient-status';

const { PENDING, WAITING, QUEUED, SENDING, SENT, DELIVERED, FAILED } = RecipientStatus;

/** The recipient statuses of each outcome; skipped recipients could not be messaged and are in none. */
const OUTCOME_STATUSES: Record<CloneOutcome, RecipientStatus[]> = {
  failed: [FAILED],
  not_delivered: [FAILED, SENT, PENDING, WAITING, QUEUED, SENDING],
  not_read: [FAILED, SENT, DELIVERED, PENDING, WAITING, QUEUED, SENDING],
};

/** Members are added in slices so a large outcome never makes one huge statement. */
const SLICE = 10_000;

@CommandHandler(CreateOutcomeGroupCommand)
export class CreateOutcomeGroupHandler implements ICommandHandler<CreateOutcomeGroupCommand> {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly commands: CommandBus,
  ) {}

  async execute(cmd: CreateOutcomeGroupCommand) {
    const contactIds = await this.ledger.contactsWithStatus(cmd.campaignId, OUTCOME_STATUSES[cmd.outcome]);
    if (!contactIds.length) return null;
    const group = await this.commands.execute(
      new CreateGroupCommand(cmd.workspaceId, cmd.groupName, `Recipients of campaign ${cmd.campaignId} with outcome ${cmd.outcome}`),
    );
    let members = 0;
    for (let i = 0; i < contactIds.length; i += SLICE) {
      members = (await this.commands.execute(new AddGroupMembersCommand(cmd.workspaceId, group.id, contactIds.slice(i, i + SLICE), []))).memberCount;
    }
    return { groupId: group.id, members };
  }
}
