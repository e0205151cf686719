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
    const { optedOut, ...fields } = patch;
    const changes: ContactPatch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (patch.phone !== undefined) {
      const phone = normalisePhone(patch.phone);
      if (!phone.ok) throw new InvalidPhoneError(phone.message, { phone: patch.phone });
      changes.phone = phone.phone;
    }
    const contact = await this.db.transaction(async (m) => {
      if (patch.sourceId) await this.sources.assertExists(workspaceId, patch.sourceId, m);
      const contact = await this.contacts.update(workspaceId, contactId, changes, m);
      if (optedOut === undefined) return contact;
      // Through the API an opt-out covers every message: the business records what the person asked for.
      return (await this.contacts.setOptOut(m, workspaceId, { id: contactId }, optedOut ? { scope: 'ALL', reason: 'API', at: new Date() } : null)) ?? contact;
    });
    return { contact, groupIds: (await this.contacts.groupIds([contactId])).get(contactId)! };
  }
}
