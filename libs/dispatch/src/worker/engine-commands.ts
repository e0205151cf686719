import { Injectable, Logger } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';

const IGNORABLE = new Set(['INVALID_TRANSITION', 'CAMPAIGN_NOT_FOUND']);

/**
 * Runs the engine's own campaign commands (complete, fail, auto-pause…). A lost version race is retried;
 * a transition that no longer applies (a user paused or stopped first) is simply moot.
 */
@Injectable()
export class EngineCommands {
  private readonly logger = new Logger(EngineCommands.name);

  constructor(private readonly commands: CommandBus) {}

  async run<R>(command: Command<R>, tries = 8): Promise<R | undefined> {
    for (let i = 1; ; i++) {
      try {
        return await this.commands.execute(command);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code && IGNORABLE.has(code)) return undefined;
        if (code === 'CONCURRENT_TRANSITION' && i < tries) {
          await new Promise((r) => setTimeout(r, 20 * i));
          continue;
        }
        this.logger.error(`${command.constructor.name} failed: ${(e as Error).message}`);
        throw e;
      }
    }
  }
}
