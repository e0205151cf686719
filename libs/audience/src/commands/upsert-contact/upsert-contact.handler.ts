import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ContactRepository } from '../../database/contact.repository';
import { InvalidPhoneError } from '../../domain/audience.errors';
import { normalisePhone } from '../../domain/phone';
import { ContactImporter } from '../contact-importer';
import { UpsertContactCommand } from './upsert-contact.command';

@CommandHandler(UpsertContactCommand)
export class UpsertContactHandler implements ICommandHandler<UpsertContactCommand> {
  constructor(
    private readonly importer: ContactImporter,
    private readonly contacts: ContactRepository,
  ) {}

  async execute({ workspaceId, input }: UpsertContactCommand) {
    const phone = normalisePhone(input.phone);
    if (!phone.ok) throw new InvalidPhoneError(phone.message, { phone: input.phone });
    const [row] = await this.importer.upsert(
      workspaceId,
      [{ phone: phone.phone, firstName: input.firstName, lastName: input.lastName, email: input.email, customFields: input.customFields ?? undefined }],
      { sourceId: input.sourceId, groupIds: input.groupIds },
    );
    const contact = await this.contacts.get(workspaceId, row.id);
    const groups = await this.contacts.groupIds([row.id]);
    return { created: row.inserted, contact: { contact, groupIds: groups.get(row.id)! } };
  }
}
