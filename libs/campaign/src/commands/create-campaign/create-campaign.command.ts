import { Command } from '@nestjs/cqrs';
import type { CampaignAudience, CampaignProps } from '../../domain/campaign.aggregate';
import type { SendWindow } from '../../domain/send-window';

export class CreateCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly input: {
      name: string;
      description?: string | null;
      templateId: string;
      channelId?: string | null;
      batchSize?: number;
      batchDelayMs?: number;
      /** Omitted: the default threshold; null: no failure guard. */
      maxFailureRate?: number | null;
      sendWindow?: SendWindow | null;
      variableMapping?: Record<string, unknown> | null;
      audience?: Partial<CampaignAudience> | null;
      scheduledAt?: Date | null;
    },
  ) {
    super();
  }
}
