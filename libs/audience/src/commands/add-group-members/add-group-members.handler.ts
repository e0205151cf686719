import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ValidationFailedError } from '@app/platform';
import { GroupRepository } from '../../database/group.repository';
import { normalisePhone } from '../../domain/phone';
import { AddGroupMembersCommand } from './add-group-members.command';

@CommandHandler(AddGroupMembersCommand)
export class AddGroupMembersHandler implements ICommandHandler<AddGroupMembersCommand> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, groupId, contactIds, phones }: AddGroupMembersCommand) {
    if (!contactIds.length && !phones.length) {
      throw new ValidationFailedError('Give contact_ids or phones (or both)', [
        { field: 'contact_ids', errors: ['contact_ids or phones must not be empty'] },
      ]);
    }
    const invalidPhones: string[] = [];
    const normalised = new Set<string>();
    for (const raw of phones) {
      const p = normalisePhone(raw);
      if (p.ok) normalised.add(p.phone);
      else invalidPhones.push(raw);
    }
    const r = await this.groups.addMembers(workspaceId, groupId, [...new Set(contactIds)], [...normalised]);
    const group = await this.groups.get(workspaceId, groupId);
    return { ...r, invalidPhones, memberCount: group.memberCount };
  }
}
