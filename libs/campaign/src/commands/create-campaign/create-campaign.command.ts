import { Command } from '@nestjs/cqrs';
import type { CampaignAudience, CampaignProps } from '../../domain/campaign.aggregate';

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
      variableMapping?: Record<string, unknown> | null;
      audience?: Partial<CampaignAudience> | null;
      scheduledAt?: Date | null;
    },
  ) {
    super();
  }
}
