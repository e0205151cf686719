import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ContactRepository } from '../../database/contact.repository';
import { DeleteContactCommand } from './delete-contact.command';

@CommandHandler(DeleteContactCommand)
export class DeleteContactHandler implements ICommandHandler<DeleteContactCommand> {
  constructor(private readonly contacts: ContactRepository) {}

  execute({ workspaceId, contactId }: DeleteContactCommand) {
    return this.contacts.delete(workspaceId, contactId);
  }
}
