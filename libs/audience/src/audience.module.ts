import { BullModule } from '@nestjs/bull';
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
import { AddListMembersHandler } from './commands/add-list-members/add-list-members.handler';
import { DeleteAudienceListHandler } from './commands/delete-audience-list/delete-audience-list.handler';
import { AudienceListRevisionHandler } from './queries/audience-list-revision/audience-list-revision.handler';
import { ListMemberVariablesHandler } from './queries/list-member-variables/list-member-variables.handler';
import { CreateSegmentHandler } from './commands/create-segment/create-segment.handler';
import { DeleteSegmentHandler } from './commands/delete-segment/delete-segment.handler';
import { SegmentDefinitions } from './commands/segment-definitions';
import { UpdateSegmentHandler } from './commands/update-segment/update-segment.handler';
import { SegmentEntity } from './database/segment.entity';
import { SegmentRepository } from './database/segment.repository';
import { SegmentsController } from './http/segments.controller';
import { AudienceSql } from './queries/audience-sql';
import { GetSegmentHandler } from './queries/get-segment/get-segment.handler';
import { ListSegmentsHandler } from './queries/list-segments/list-segments.handler';
import { PreviewSegmentHandler } from './queries/preview-segment/preview-segment.handler';
import { StartContactImportHandler } from './commands/start-contact-import/start-contact-import.handler';
import { ContactImportRepository } from './database/contact-import.repository';
import { ContactImportQueue, CONTACT_IMPORTS_QUEUE } from './imports/contact-import-queue';
import { ContactImportProcessor } from './imports/contact-import.processor';
import { ContactImportRunner } from './imports/contact-import-runner';
import { ContactImportsController } from './http/contact-imports.controller';
import { GetContactImportHandler } from './queries/get-contact-import/get-contact-import.handler';
import { ListContactImportErrorsHandler } from './queries/list-contact-import-errors/list-contact-import-errors.handler';
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
  StartContactImportHandler,
  CreateSegmentHandler,
  UpdateSegmentHandler,
  DeleteSegmentHandler,
  AddListMembersHandler,
  DeleteAudienceListHandler,
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
  GetContactImportHandler,
  ListContactImportErrorsHandler,
  GetSegmentHandler,
  ListSegmentsHandler,
  PreviewSegmentHandler,
  ListMemberVariablesHandler,
  AudienceListRevisionHandler,
];

// A stalled import (its worker froze or died) goes to another worker; a re-run starts over in a fresh transaction.
const importQueue = BullModule.registerQueue({ name: CONTACT_IMPORTS_QUEUE, settings: { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 } });

@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity, GroupEntity, GroupMemberEntity, SourceEntity, SegmentEntity]), importQueue],
  controllers: [ContactImportsController, ContactsController, GroupsController, SourcesController, SegmentsController, OptOutKeywordsController],
  providers: [
    ContactRepository, OptOutKeywordsRepository, GroupRepository, SourceRepository, SegmentRepository, ContactImportRepository, ContactImportQueue,
    ContactImporter, SegmentDefinitions, AudienceSql, ...commandHandlers, ...queryHandlers,
  ],
  exports: [ContactImportRepository, ContactImportQueue],
})
export class AudienceModule {}

/** Worker side: runs CSV imports (the API only stores the file and queues it). */
@Module({
  imports: [AudienceModule],
  providers: [ContactImportProcessor, ContactImportRunner],
})
export class AudienceWorkerModule {}
