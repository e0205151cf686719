import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Scopes, WorkspaceId } from '@app/platform';
import { SetOptOutKeywordsCommand } from '../commands/set-opt-out-keywords/set-opt-out-keywords.command';
import type { OptOutKeywords } from '../domain/opt-out';
import { GetOptOutKeywordsQuery } from '../queries/get-opt-out-keywords/get-opt-out-keywords.query';
import { OptOutKeywordsDto } from './dto/opt-out-keywords.dto';

const present = (k: OptOutKeywords): OptOutKeywordsDto => ({ opt_out: k.optOut, opt_out_all: k.optOutAll, opt_in: k.optIn });

@ApiTags('Contacts')
@Controller('opt-out-keywords')
export class OptOutKeywordsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'getOptOutKeywords', summary: "The workspace's reply keywords (the defaults until set)" })
  @ApiOkResponse({ type: OptOutKeywordsDto })
  async get(@WorkspaceId() ws: string) {
    return present(await this.queries.execute(new GetOptOutKeywordsQuery(ws)));
  }

  @Put()
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'setOptOutKeywords',
    summary: 'Replace the reply keywords',
    description:
      'A WhatsApp reply (text or quick-reply button) that is exactly one of these words, case-insensitive and trimmed, opts the ' +
      'contact with that number out of marketing (`opt_out`), out of everything (`opt_out_all`) or back in (`opt_in`), and emits ' +
      '`contact.opted_out` / `contact.opted_in`. An empty list turns that action off.',
  })
  @ApiOkResponse({ type: OptOutKeywordsDto })
  @ApiErrors([400, 'Invalid input, or a keyword in two lists (VALIDATION_FAILED)'])
  async set(@WorkspaceId() ws: string, @Body() dto: OptOutKeywordsDto) {
    return present(await this.commands.execute(new SetOptOutKeywordsCommand(ws, { optOut: dto.opt_out, optOutAll: dto.opt_out_all, optIn: dto.opt_in })));
  }
}
