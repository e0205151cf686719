import { Injectable, Logger } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import { CampaignNotFoundError, ConcurrentTransitionError, InvalidTransitionError } from '@app/campaign';

/**
 * Runs the engine's own campaign commands (complete, fail, auto-pause…). A lost version race is retried;
 * a transition that no longer applies (a user paused or stopped first, or the campaign is gone) is moot.
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
        if (e instanceof InvalidTransitionError || e instanceof CampaignNotFoundError) return undefined;
        if (e instanceof ConcurrentTransitionError && i < tries) {
          await new Promise((r) => setTimeout(r, 20 * i));
          continue;
        }
        this.logger.error(`${command.constructor.name} failed: ${(e as Error).message}`);
        throw e;
      }
    }
  }
}
