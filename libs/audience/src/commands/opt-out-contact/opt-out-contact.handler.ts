import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ContactRepository } from '../../database/contact.repository';
import { OptOutContactCommand } from './opt-out-contact.command';

@CommandHandler(OptOutContactCommand)
export class OptOutContactHandler implements ICommandHandler<OptOutContactCommand> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactRepository,
  ) {}

  async execute({ workspaceId, contactId, scope }: OptOutContactCommand) {
    if (!isUUID(contactId)) return;
    await this.db.transaction((m) => this.contacts.setOptOut(m, workspaceId, { id: contactId }, { scope, reason: 'META_131050', at: new Date() }));
  }
}
