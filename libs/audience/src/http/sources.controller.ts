import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, PageQueryDto, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import { CreateSourceCommand } from '../commands/create-source/create-source.command';
import { DeleteSourceCommand } from '../commands/delete-source/delete-source.command';
import { GetSourceQuery } from '../queries/get-source/get-source.query';
import { ListSourcesQuery } from '../queries/list-sources/list-sources.query';
import { presentSource } from './audience.presenter';
import { CreateSourceDto, SourceListResponseDto, SourceResponseDto } from './dto/source.dto';
import { SourceIdPipe } from '../domain/audience.errors';

@ApiTags('Sources')
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'createSource', summary: 'Create a source (where contacts came from)' })
  @ApiCreatedResponse({ type: SourceResponseDto })
  @ApiErrors(400, 409, 422)
  async create(@WorkspaceId() ws: string, @Body() dto: CreateSourceDto) {
    return presentSource(await this.commands.execute(new CreateSourceCommand(ws, dto.name)));
  }

  @Get()
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'listSources', summary: 'List sources, newest first' })
  @ApiOkResponse({ type: SourceListResponseDto })
  @ApiErrors(400)
  async list(@WorkspaceId() ws: string, @Query() q: PageQueryDto) {
    return mapPage(await this.queries.execute(new ListSourcesQuery(ws, pageRequest(q))), presentSource);
  }

  @Get(':id')
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'getSource', summary: 'Get a source (list its contacts with GET /contacts?source_id=)' })
  @ApiOkResponse({ type: SourceResponseDto })
  @ApiErrors(400, [404, 'SOURCE_NOT_FOUND'])
  async get(@WorkspaceId() ws: string, @Param('id', SourceIdPipe) id: string) {
    return presentSource(await this.queries.execute(new GetSourceQuery(ws, id)));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'deleteSource', summary: 'Delete a source; its contacts are kept with source_id null' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, [404, 'SOURCE_NOT_FOUND'])
  async remove(@WorkspaceId() ws: string, @Param('id', SourceIdPipe) id: string) {
    await this.commands.execute(new DeleteSourceCommand(ws, id));
  }
}
