import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContactRepository } from '../../database/contact.repository';
import { OptOutKeywordsRepository } from '../../database/opt-out-keywords.repository';
import { matchReply } from '../../domain/opt-out';
import { ApplyInboundReplyCommand } from './apply-inbound-reply.command';

@CommandHandler(ApplyInboundReplyCommand)
export class ApplyInboundReplyHandler implements ICommandHandler<ApplyInboundReplyCommand> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactRepository,
    private readonly keywords: OptOutKeywordsRepository,
  ) {}

  async execute({ workspaceId, phone, text, at }: ApplyInboundReplyCommand) {
    const action = matchReply(text, await this.keywords.get(workspaceId));
    if (!action) return null;
    const contact = await this.db.transaction((m) =>
      this.contacts.setOptOut(m, workspaceId, { phone }, action.optIn ? null : { scope: action.scope, reason: `KEYWORD_REPLY:${action.keyword}`, at }),
    );
    return contact && { contactId: contact.id, optedOut: contact.optedOut };
  }
}
