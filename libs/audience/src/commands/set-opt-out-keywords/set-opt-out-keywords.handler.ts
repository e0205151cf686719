import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ValidationFailedError } from '@app/platform';
import { OptOutKeywordsRepository } from '../../database/opt-out-keywords.repository';
import { normaliseKeyword } from '../../domain/opt-out';
import { SetOptOutKeywordsCommand } from './set-opt-out-keywords.command';

@CommandHandler(SetOptOutKeywordsCommand)
export class SetOptOutKeywordsHandler implements ICommandHandler<SetOptOutKeywordsCommand> {
  constructor(private readonly keywords: OptOutKeywordsRepository) {}

  async execute({ workspaceId, keywords }: SetOptOutKeywordsCommand) {
    const norm = (list: string[]) => [...new Set(list.map(normaliseKeyword).filter(Boolean))];
    const k = { optOut: norm(keywords.optOut), optOutAll: norm(keywords.optOutAll), optIn: norm(keywords.optIn) };
    // A reply must mean one thing: the same word can't both opt out and opt in.
    const seen = new Map<string, string>();
    const clashes: Array<{ field: string; errors: string[] }> = [];
    for (const [field, list] of [['opt_out', k.optOut], ['opt_out_all', k.optOutAll], ['opt_in', k.optIn]] as const) {
      for (const word of list) {
        const other = seen.get(word);
        if (other) clashes.push({ field, errors: [`${word} is also in ${other}`] });
        else seen.set(word, field);
      }
    }
    if (clashes.length) throw new ValidationFailedError('A keyword may appear in one list only', clashes);
    return this.keywords.set(workspaceId, k);
  }
}
