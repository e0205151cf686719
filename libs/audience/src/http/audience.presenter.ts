import type { SegmentEntity } from '../database/segment.entity';
import type { SegmentResponseDto } from './dto/segment.dto';
import type { GroupEntity } from '../database/group.entity';
import type { SourceEntity } from '../database/source.entity';
import type { MembersAdded } from '../commands/add-group-members/add-group-members.command';
import type { MembersRemoved } from '../commands/remove-group-members/remove-group-members.command';
import type { ContactWithGroups } from '../queries/get-contact-details/get-contact-details.query';
import { toContactView } from '../queries/contact-view';
import { optOutPayload } from '../domain/opt-out';
import type { ContactResponseDto } from './dto/contact.dto';
import type { AddGroupMembersResponseDto, GroupResponseDto, RemoveGroupMembersResponseDto } from './dto/group.dto';
import type { SourceResponseDto } from './dto/source.dto';

export function presentContact({ contact: c, groupIds }: ContactWithGroups): ContactResponseDto {
  return {
    ...toContactView(c),
    ...optOutPayload(c).contact,
    group_ids: groupIds,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function presentGroup(g: GroupEntity): GroupResponseDto {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    member_count: g.memberCount,
    created_at: g.createdAt.toISOString(),
    updated_at: g.updatedAt.toISOString(),
  };
}

export function presentSource(s: SourceEntity): SourceResponseDto {
  return { id: s.id, name: s.name, created_at: s.createdAt.toISOString(), updated_at: s.updatedAt.toISOString() };
}

export function presentMembersAdded(r: MembersAdded): AddGroupMembersResponseDto {
  return {
    added: r.added,
    already_members: r.alreadyMembers,
    not_found: { contact_ids: r.missingContactIds, phones: r.missingPhones },
    invalid_phones: r.invalidPhones,
    member_count: r.memberCount,
  };
}

export function presentMembersRemoved(r: MembersRemoved): RemoveGroupMembersResponseDto {
  return { removed: r.removed, not_members: r.notMembers, member_count: r.memberCount };
}

export function presentSegment(s: SegmentEntity): SegmentResponseDto {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    match: s.definition.match,
    conditions: s.definition.conditions,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}
