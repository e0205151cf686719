import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import type { Response } from 'express';
import { BulkUpsertContactsCommand } from '../commands/bulk-upsert-contacts/bulk-upsert-contacts.command';
import { DeleteContactCommand } from '../commands/delete-contact/delete-contact.command';
import { UpdateContactCommand } from '../commands/update-contact/update-contact.command';
import { UpsertContactCommand } from '../commands/upsert-contact/upsert-contact.command';
import { GetContactDetailsQuery } from '../queries/get-contact-details/get-contact-details.query';
import { ListContactsQuery } from '../queries/list-contacts/list-contacts.query';
import { presentContact } from './audience.presenter';
import {
  BulkUpsertContactsDto, BulkUpsertResponseDto, ContactListResponseDto, ContactResponseDto, ListContactsQueryDto, UpdateContactDto,
  UpsertContactDto,
} from './dto/contact.dto';
import { ContactIdPipe } from '../domain/audience.errors';

/** The optional contact fields an upsert sets and a PATCH may change, in the domain's terms (undefined: not given). */
const optionalFieldsOf = (dto: UpdateContactDto) => ({
  firstName: dto.first_name,
  lastName: dto.last_name,
  email: dto.email,
  customFields: dto.custom_fields,
});

@ApiTags('Contacts')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'upsertContact',
    summary: 'Create or update a contact by phone',
    description:
      'Upsert keyed by the E.164 phone: 201 when created, 200 when it existed. Given fields overwrite; absent or null ' +
      'ones keep the stored value (use PATCH to clear). custom_fields, when given, replaces the stored object. ' +
      'group_ids adds the contact to those groups. opted_out is never changed here.',
  })
  @ApiCreatedResponse({ type: ContactResponseDto, description: 'Created' })
  @ApiOkResponse({ type: ContactResponseDto, description: 'Updated' })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_PHONE'], [404, 'GROUP_NOT_FOUND or SOURCE_NOT_FOUND'], 409, 413, 422)
  async upsert(@WorkspaceId() ws: string, @Body() dto: UpsertContactDto, @Res({ passthrough: true }) res: Response) {
    const { created, contact } = await this.commands.execute(
      new UpsertContactCommand(ws, {
        phone: dto.phone,
        ...optionalFieldsOf(dto),
        sourceId: dto.source_id,
        groupIds: dto.group_ids,
      }),
    );
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return presentContact(contact);
  }

  @Post('bulk')
  @HttpCode(HttpStatus.OK)
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'bulkUpsertContacts',
    summary: 'Upsert up to 10,000 contacts',
    description:
      'Every valid row is upserted (same rules as POST /contacts) in one transaction; each invalid row is reported in ' +
      '`failed` with its index and code (VALIDATION_FAILED, INVALID_PHONE, INVALID_CUSTOM_FIELDS, DUPLICATE_PHONE: ' +
      'when a phone repeats, the first row is used and later ones fail). Body limit 10 MiB.',
  })
  @ApiOkResponse({ type: BulkUpsertResponseDto })
  @ApiErrors(400, [404, 'GROUP_NOT_FOUND or SOURCE_NOT_FOUND'], 409, 413, 422)
  bulk(@WorkspaceId() ws: string, @Body() dto: BulkUpsertContactsDto) {
    return this.commands.execute(new BulkUpsertContactsCommand(ws, dto.contacts, dto.group_ids, dto.source_id));
  }

  @Get()
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'listContacts', summary: 'List contacts, newest first, optionally by group, source or phone' })
  @ApiOkResponse({ type: ContactListResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED, INVALID_CURSOR or INVALID_PHONE'], [404, 'GROUP_NOT_FOUND or SOURCE_NOT_FOUND'])
  async list(@WorkspaceId() ws: string, @Query() q: ListContactsQueryDto) {
    return mapPage(await this.queries.execute(new ListContactsQuery(ws, { groupId: q.group_id, sourceId: q.source_id, phone: q.phone }, pageRequest(q))), presentContact);
  }

  @Get(':id')
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'getContact', summary: 'Get a contact' })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiErrors(400, [404, 'CONTACT_NOT_FOUND'])
  async get(@WorkspaceId() ws: string, @Param('id', ContactIdPipe) id: string) {
    return presentContact(await this.queries.execute(new GetContactDetailsQuery(ws, id)));
  }

  @Patch(':id')
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'updateContact',
    summary: 'Update a contact (including opt-out)',
    description:
      'Only the given fields change; null clears first_name, last_name, email, source_id or custom_fields. ' +
      'custom_fields REPLACES the stored object (send the whole object). {"opted_out": true} opts the contact out of every message; {"opted_out": false} opts it back in (clearing a marketing-only opt-out too).',
  })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_PHONE'], [404, 'CONTACT_NOT_FOUND or SOURCE_NOT_FOUND'], [409, 'PHONE_ALREADY_EXISTS'])
  async update(@WorkspaceId() ws: string, @Param('id', ContactIdPipe) id: string, @Body() dto: UpdateContactDto) {
    const contact = await this.commands.execute(
      new UpdateContactCommand(ws, id, {
        phone: dto.phone,
        ...optionalFieldsOf(dto),
        sourceId: dto.source_id,
        // Opting back in clears a marketing-only opt-out too; a marketing send WhatsApp still refuses sets it again.
        optedOut: dto.opted_out,
      }),
    );
    return presentContact(contact);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'deleteContact', summary: 'Delete a contact (and its group memberships)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, [404, 'CONTACT_NOT_FOUND'])
  async remove(@WorkspaceId() ws: string, @Param('id', ContactIdPipe) id: string) {
    await this.commands.execute(new DeleteContactCommand(ws, id));
  }
}
