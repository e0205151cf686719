import { Entity, PrimaryColumn } from 'typeorm';

@Entity('group_members')
export class GroupMemberEntity {
  @PrimaryColumn('uuid') groupId: string;
  @PrimaryColumn('uuid') contactId: string;
}
