import { SegmentIdPipe } from '../domain/audience.errors';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, PageQueryDto, Scopes, WorkspaceId, pageRequest } from '@app/platform';
import { CreateSegmentCommand } from '../commands/create-segment/create-segment.command';
import { DeleteSegmentCommand } from '../commands/delete-segment/delete-segment.command';
import { UpdateSegmentCommand } from '../commands/update-segment/update-segment.command';
import { GetSegmentQuery } from '../queries/get-segment/get-segment.query';
import { ListSegmentsQuery } from '../queries/list-segments/list-segments.query';
import { PreviewSegmentQuery } from '../queries/preview-segment/preview-segment.query';
import { presentSegment } from './audience.presenter';
import {
  CreateSegmentDto, SegmentListResponseDto, SegmentPreviewQueryDto, SegmentPreviewResponseDto, SegmentResponseDto, UpdateSegmentDto,
} from './dto/segment.dto';

@ApiTags('Segments')
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'createSegment',
    summary: 'Create a segment (a saved filter over contacts)',
    description: 'Usable as a campaign audience beside groups and sources (`audience.segments`); it is evaluated when the campaign is materialised.',
  })
  @ApiCreatedResponse({ type: SegmentResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED'], [422, 'INVALID_SEGMENT: details.problems names each bad condition'])
  async create(@WorkspaceId() ws: string, @Body() dto: CreateSegmentDto) {
    return presentSegment(
      await this.commands.execute(new CreateSegmentCommand(ws, { name: dto.name, description: dto.description ?? null, match: dto.match, conditions: dto.conditions })),
    );
  }

  @Get()
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'listSegments', summary: 'List segments, newest first' })
  @ApiOkResponse({ type: SegmentListResponseDto })
  @ApiErrors(400)
  async list(@WorkspaceId() ws: string, @Query() q: PageQueryDto) {
    return mapPage(await this.queries.execute(new ListSegmentsQuery(ws, pageRequest(q))), presentSegment);
  }

  @Get(':id')
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'getSegment', summary: 'Get a segment' })
  @ApiOkResponse({ type: SegmentResponseDto })
  @ApiErrors(400, [404, 'SEGMENT_NOT_FOUND'])
  async get(@WorkspaceId() ws: string, @Param('id', SegmentIdPipe) id: string) {
    return presentSegment(await this.queries.execute(new GetSegmentQuery(ws, id)));
  }

  @Get(':id/preview')
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'previewSegment', summary: 'How many contacts the segment matches now, and a sample of them' })
  @ApiOkResponse({ type: SegmentPreviewResponseDto })
  @ApiErrors(400, [404, 'SEGMENT_NOT_FOUND'])
  async preview(@WorkspaceId() ws: string, @Param('id', SegmentIdPipe) id: string, @Query() q: SegmentPreviewQueryDto): Promise<SegmentPreviewResponseDto> {
    const { total, optedOut, sample } = await this.queries.execute(new PreviewSegmentQuery(ws, id, q.sample));
    return { total, opted_out: optedOut, sample };
  }

  @Patch(':id')
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'updateSegment', summary: 'Rename a segment or change its conditions (match and conditions given alone combine with the stored other one)' })
  @ApiOkResponse({ type: SegmentResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED'], [404, 'SEGMENT_NOT_FOUND'], [422, 'INVALID_SEGMENT'])
  async update(@WorkspaceId() ws: string, @Param('id', SegmentIdPipe) id: string, @Body() dto: UpdateSegmentDto) {
    return presentSegment(
      await this.commands.execute(new UpdateSegmentCommand(ws, id, { name: dto.name, description: dto.description, match: dto.match, conditions: dto.conditions })),
    );
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Scopes('contacts:write')
  @ApiOperation({ operationId: 'deleteSegment', summary: 'Delete a segment (campaigns that name it no longer get its contacts)' })
  @ApiNoContentResponse()
  @ApiErrors(400, [404, 'SEGMENT_NOT_FOUND'])
  async delete(@WorkspaceId() ws: string, @Param('id', SegmentIdPipe) id: string) {
    await this.commands.execute(new DeleteSegmentCommand(ws, id));
  }
}
