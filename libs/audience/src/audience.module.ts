import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplyInboundReplyHandler } from './commands/apply-inbound-reply/apply-inbound-reply.handler';
import { SetOptOutKeywordsHandler } from './commands/set-opt-out-keywords/set-opt-out-keywords.handler';
import { OptOutKeywordsRepository } from './database/opt-out-keywords.repository';
import { OptOutKeywordsController } from './http/opt-out-keywords.controller';
import { GetOptOutKeywordsHandler } from './queries/get-opt-out-keywords/get-opt-out-keywords.handler';
import { AddGroupMembersHandler } from './commands/add-group-members/add-group-members.handler';
import { BulkUpsertContactsHandler } from './commands/bulk-upsert-contacts/bulk-upsert-contacts.handler';
import { ContactImporter } from './commands/contact-importer';
import { CreateGroupHandler } from './commands/create-group/create-group.handler';
import { CreateSourceHandler } from './commands/create-source/create-source.handler';
import { DeleteContactHandler } from './commands/delete-contact/delete-contact.handler';
import { DeleteGroupHandler } from './commands/delete-group/delete-group.handler';
import { DeleteSourceHandler } from './commands/delete-source/delete-source.handler';
import { OptOutContactHandler } from './commands/opt-out-contact/opt-out-contact.handler';
import { RemoveGroupMembersHandler } from './commands/remove-group-members/remove-group-members.handler';
import { UpdateContactHandler } from './commands/update-contact/update-contact.handler';
import { UpdateGroupHandler } from './commands/update-group/update-group.handler';
import { UpsertContactHandler } from './commands/upsert-contact/upsert-contact.handler';
import { ContactEntity } from './database/contact.entity';
import { ContactRepository } from './database/contact.repository';
import { GroupMemberEntity } from './database/group-member.entity';
import { GroupEntity } from './database/group.entity';
import { GroupRepository } from './database/group.repository';
import { SourceEntity } from './database/source.entity';
import { SourceRepository } from './database/source.repository';
import { ContactsController } from './http/contacts.controller';
import { GroupsController } from './http/groups.controller';
import { SourcesController } from './http/sources.controller';
import { AudienceFieldCoverageHandler } from './queries/audience-field-coverage/audience-field-coverage.handler';
import { BuildAudienceSelectHandler } from './queries/build-audience-select/build-audience-select.handler';
import { CheckAudienceRefsHandler } from './queries/check-audience-refs/check-audience-refs.handler';
import { CountAudienceHandler } from './queries/count-audience/count-audience.handler';
import { HasMessageableContactHandler } from './queries/has-messageable-contact/has-messageable-contact.handler';
import { DescribeAudienceHandler } from './queries/describe-audience/describe-audience.handler';
import { GetContactDetailsHandler } from './queries/get-contact-details/get-contact-details.handler';
import { GetContactsHandler } from './queries/get-contacts/get-contacts.handler';
import { GetGroupHandler } from './queries/get-group/get-group.handler';
import { GetSourceHandler } from './queries/get-source/get-source.handler';
import { ListContactsHandler } from './queries/list-contacts/list-contacts.handler';
import { ListGroupsHandler } from './queries/list-groups/list-groups.handler';
import { ListSourcesHandler } from './queries/list-sources/list-sources.handler';
import { SampleAudienceHandler } from './queries/sample-audience/sample-audience.handler';

const commandHandlers = [
  UpsertContactHandler,
  BulkUpsertContactsHandler,
  UpdateContactHandler,
  DeleteContactHandler,
  OptOutContactHandler,
  ApplyInboundReplyHandler,
  SetOptOutKeywordsHandler,
  CreateGroupHandler,
  UpdateGroupHandler,
  DeleteGroupHandler,
  AddGroupMembersHandler,
  RemoveGroupMembersHandler,
  CreateSourceHandler,
  DeleteSourceHandler,
];

const queryHandlers = [
  CheckAudienceRefsHandler,
  DescribeAudienceHandler,
  CountAudienceHandler,
  HasMessageableContactHandler,
  SampleAudienceHandler,
  AudienceFieldCoverageHandler,
  GetContactsHandler,
  BuildAudienceSelectHandler,
  ListContactsHandler,
  GetContactDetailsHandler,
  ListGroupsHandler,
  GetGroupHandler,
  ListSourcesHandler,
  GetSourceHandler,
  GetOptOutKeywordsHandler,
];

@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity, GroupEntity, GroupMemberEntity, SourceEntity])],
  controllers: [ContactsController, GroupsController, SourcesController, OptOutKeywordsController],
  providers: [ContactRepository, OptOutKeywordsRepository, GroupRepository, SourceRepository, ContactImporter, ...commandHandlers, ...queryHandlers],
})
export class AudienceModule {}
