import { Query } from '@nestjs/cqrs';

/** Every SCHEDULED campaign and its time: what the delayed start jobs must be rebuilt from after Redis lost them. */
export class ListScheduledStartsQuery extends Query<Array<{ id: string; scheduledAt: Date }>> {}
