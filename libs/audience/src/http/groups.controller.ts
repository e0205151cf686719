import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, PageQueryDto, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import { AddGroupMembersCommand } from '../commands/add-group-members/add-group-members.command';
import { CreateGroupCommand } from '../commands/create-group/create-group.command';
import { DeleteGroupCommand } from '../commands/delete-group/delete-group.command';
import { RemoveGroupMembersCommand } from '../commands/remove-group-members/remove-group-members.command';
import { UpdateGroupCommand } from '../commands/update-group/update-group.command';
import { GetGroupQuery } from '../queries/get-group/get-group.query';
import { ListGroupsQuery } from '../queries/list-groups/list-groups.query';
import { presentGroup, presentMembersAdded, presentMembersRemoved } from './audience.presenter';
import {
  AddGroupMembersDto, AddGroupMembersResponseDto, CreateGroupDto, GroupListResponseDto, GroupResponseDto, RemoveGroupMembersDto,
  RemoveGroupMembersResponseDto, UpdateGroupDto,
} from './dto/group.dto';
import { GroupIdPipe } from '../domain/audience.errors';

@ApiTags('Groups')
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'createGroup', summary: 'Create a group' })
  @ApiCreatedResponse({ type: GroupResponseDto })
  @ApiErrors(400, 409, 422)
  async create(@WorkspaceId() ws: string, @Body() dto: CreateGroupDto) {
    return presentGroup(await this.commands.execute(new CreateGroupCommand(ws, dto.name, dto.description ?? null)));
  }

  @Get()
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'listGroups', summary: 'List groups, newest first' })
  @ApiOkResponse({ type: GroupListResponseDto })
  @ApiErrors(400)
  async list(@WorkspaceId() ws: string, @Query() q: PageQueryDto) {
    return mapPage(await this.queries.execute(new ListGroupsQuery(ws, pageRequest(q))), presentGroup);
  }

  @Get(':id')
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'getGroup', summary: 'Get a group with its member_count (list members with GET /contacts?group_id=)' })
  @ApiOkResponse({ type: GroupResponseDto })
  @ApiErrors(400, [404, 'GROUP_NOT_FOUND'])
  async get(@WorkspaceId() ws: string, @Param('id', GroupIdPipe) id: string) {
    return presentGroup(await this.queries.execute(new GetGroupQuery(ws, id)));
  }

  @Patch(':id')
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'updateGroup', summary: 'Rename a group or change its description' })
  @ApiOkResponse({ type: GroupResponseDto })
  @ApiErrors(400, [404, 'GROUP_NOT_FOUND'])
  async update(@WorkspaceId() ws: string, @Param('id', GroupIdPipe) id: string, @Body() dto: UpdateGroupDto) {
    return presentGroup(await this.commands.execute(new UpdateGroupCommand(ws, id, { name: dto.name, description: dto.description })));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'deleteGroup', summary: 'Delete a group; its contacts are kept' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, [404, 'GROUP_NOT_FOUND'])
  async remove(@WorkspaceId() ws: string, @Param('id', GroupIdPipe) id: string) {
    await this.commands.execute(new DeleteGroupCommand(ws, id));
  }

  @Post(':id/members')
  @HttpCode(HttpStatus.OK)
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'addGroupMembers',
    summary: 'Add existing contacts to a group, by id and/or phone',
    description: 'Ids and phones that match no contact of the workspace, and invalid phones, are reported, not ignored.',
  })
  @ApiOkResponse({ type: AddGroupMembersResponseDto })
  @ApiErrors(400, [404, 'GROUP_NOT_FOUND'], 409, 422)
  async addMembers(@WorkspaceId() ws: string, @Param('id', GroupIdPipe) id: string, @Body() dto: AddGroupMembersDto) {
    return presentMembersAdded(await this.commands.execute(new AddGroupMembersCommand(ws, id, dto.contact_ids ?? [], dto.phones ?? [])));
  }

  @Delete(':id/members')
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'removeGroupMembers', summary: 'Remove contacts from a group (the contacts are kept)' })
  @ApiOkResponse({ type: RemoveGroupMembersResponseDto })
  @ApiErrors(400, [404, 'GROUP_NOT_FOUND'])
  async removeMembers(@WorkspaceId() ws: string, @Param('id', GroupIdPipe) id: string, @Body() dto: RemoveGroupMembersDto) {
    return presentMembersRemoved(await this.commands.execute(new RemoveGroupMembersCommand(ws, id, dto.contact_ids)));
  }
}
