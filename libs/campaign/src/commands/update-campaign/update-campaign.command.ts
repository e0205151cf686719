import { Command } from '@nestjs/cqrs';
import type { CampaignProps, EditableFields } from '../../domain/campaign.aggregate';

/** PATCH while DRAFT or SCHEDULED; template, mapping and channel are re-validated together. */
export class UpdateCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly patch: EditableFields,
  ) {
    super();
  }
}
