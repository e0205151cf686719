import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContactPatch, ContactRepository } from '../../database/contact.repository';
import { SourceRepository } from '../../database/source.repository';
import { InvalidPhoneError } from '../../domain/audience.errors';
import { normalisePhone } from '../../domain/phone';
import { UpdateContactCommand } from './update-contact.command';

@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler implements ICommandHandler<UpdateContactCommand> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactRepository,
    private readonly sources: SourceRepository,
  ) {}

  async execute({ workspaceId, contactId, patch }: UpdateContactCommand) {
    const changes: ContactPatch = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (patch.phone !== undefined) {
      const phone = normalisePhone(patch.phone);
      if (!phone.ok) throw new InvalidPhoneError(phone.message, { phone: patch.phone });
      changes.phone = phone.phone;
    }
    const contact = await this.db.transaction(async (m) => {
      if (patch.sourceId) await this.sources.assertExists(workspaceId, patch.sourceId, m);
      return this.contacts.update(workspaceId, contactId, changes, m);
    });
    return { contact, groupIds: (await this.contacts.groupIds([contactId])).get(contactId)! };
  }
}
