import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUUID } from 'class-validator';
import { ContactRepository } from '../../database/contact.repository';
import { OptOutContactCommand } from './opt-out-contact.command';

@CommandHandler(OptOutContactCommand)
export class OptOutContactHandler implements ICommandHandler<OptOutContactCommand> {
  constructor(private readonly contacts: ContactRepository) {}

  async execute({ workspaceId, contactId, scope }: OptOutContactCommand) {
    if (isUUID(contactId)) await this.contacts.optOut(workspaceId, contactId, scope);
  }
}
