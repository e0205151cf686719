import { Command } from '@nestjs/cqrs';
import type { EditableFields } from '../../domain/campaign.aggregate';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** PATCH while DRAFT or SCHEDULED; template, mapping and channel are re-validated together. */
export class UpdateCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly patch: EditableFields,
  ) {
    super();
  }
}
