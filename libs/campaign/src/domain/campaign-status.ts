export enum CampaignStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  STOPPED = 'STOPPED',
  FAILED = 'FAILED',
}

export const TERMINAL_STATUSES: readonly CampaignStatus[] = [CampaignStatus.COMPLETED, CampaignStatus.STOPPED, CampaignStatus.FAILED];
