import { Query } from '@nestjs/cqrs';

/** For the engine's periodic sweep: SCHEDULED campaigns whose time has come, and every RUNNING campaign. */
export class FindCampaignsToReconcileQuery extends Query<{ dueScheduled: string[]; running: string[] }> {
  constructor(readonly now: Date) {
    super();
  }
}
