import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

export class CreateCampaignCommand extends Command<CampaignResponseDto> {
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
      audience?: { groups?: string[]; sources?: string[] } | null;
      scheduledAt?: Date | null;
    },
  ) {
    super();
  }
}
