import type { ContactEntity } from '../database/contact.entity';
import type { GroupEntity } from '../database/group.entity';
import type { SourceEntity } from '../database/source.entity';
import type { ContactResponseDto } from '../http/dto/contact.dto';
import type { GroupResponseDto } from '../http/dto/group.dto';
import type { SourceResponseDto } from '../http/dto/source.dto';
import type { ContactView } from './audience-spec';

export function toContactView(c: ContactEntity): ContactView {
  return {
    id: c.id,
    phone: c.phone,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    custom_fields: c.customFields ?? {},
    source_id: c.sourceId,
    opted_out: c.optedOut,
  };
}

export function presentContact(c: ContactEntity, groupIds: string[]): ContactResponseDto {
  return { ...toContactView(c), group_ids: groupIds, created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString() };
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
