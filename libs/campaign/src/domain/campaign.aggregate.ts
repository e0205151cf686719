import { AggregateRoot } from '@nestjs/cqrs';
import type { AudienceSpec } from '@app/audience';
import { CampaignStatus } from './campaign-status';
import {
  CampaignCompletedEvent,
  CampaignCreatedEvent,
  CampaignDeletedEvent,
  CampaignEvent,
  CampaignFailedEvent,
  CampaignPausedEvent,
  CampaignResumedEvent,
  CampaignScheduledEvent,
  CampaignStartedEvent,
  CampaignStoppedEvent,
} from './events';
import { InvalidTransitionError, ScheduledAtInPastError } from './campaign.errors';

const { DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, STOPPED, FAILED } = CampaignStatus;

export type CampaignAction =
  | 'schedule'
  | 'send'
  | 'start'
  | 'pause'
  | 'resume'
  | 'stop'
  | 'complete'
  | 'fail'
  | 'set_audience'
  | 'edit'
  | 'delete';

/**
 * The campaign's state machine: for each action, the statuses it is legal from. Everything not listed
 * is refused with INVALID_TRANSITION. `start` is the arrival of scheduled_at; `send` is send-now.
 */
export const TRANSITIONS: Readonly<Record<CampaignAction, readonly CampaignStatus[]>> = {
  schedule: [DRAFT, SCHEDULED],
  send: [DRAFT, SCHEDULED],
  start: [SCHEDULED],
  pause: [SCHEDULED, RUNNING],
  resume: [PAUSED],
  stop: [SCHEDULED, RUNNING, PAUSED],
  complete: [RUNNING],
  fail: [SCHEDULED, RUNNING, PAUSED],
  set_audience: [DRAFT, PAUSED],
  edit: [DRAFT, SCHEDULED],
  delete: [DRAFT, SCHEDULED, COMPLETED, STOPPED, FAILED],
};

/** Pause reasons are UPPER_SNAKE like every other reason and code the API returns. */
export const MANUAL_PAUSE = 'MANUAL';
export const SCHEDULE_MISSED = 'SCHEDULE_MISSED';
/** WhatsApp paused the campaign's template (status update or error 132015); resumable once it is reinstated. */
export const TEMPLATE_PAUSED = 'TEMPLATE_PAUSED';

/** Who a campaign messages: the union of groups, sources, segments (saved filters) and contacts by id. */
export interface CampaignAudience {
  groups: string[];
  sources: string[];
  segments: string[];
  contactIds: string[];
}

export const EMPTY_AUDIENCE: Readonly<CampaignAudience> = { groups: [], sources: [], segments: [], contactIds: [] };

/**
 * The audience module's view of a campaign's audience. With the campaign id, its recipients added one by one
 * (POST /campaigns/{id}/recipients, kept as the audience list of that id) are part of it.
 */
export function toAudienceSpec(workspaceId: string, a: CampaignAudience, campaignId?: string): AudienceSpec {
  return { workspaceId, groupIds: a.groups, sourceIds: a.sources, segmentIds: a.segments, contactIds: a.contactIds, listIds: campaignId ? [campaignId] : [] };
}

export interface CampaignProps {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  templateId: string;
  channelId: string | null;
  variableMapping: Record<string, unknown> | null;
  batchSize: number;
  batchDelayMs: number;
  audience: CampaignAudience;
  scheduledAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  pauseReason: string | null;
  failureReason: string | null;
  totalRecipients: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type EditableFields = Partial<
  Pick<CampaignProps, 'name' | 'description' | 'templateId' | 'channelId' | 'variableMapping' | 'batchSize' | 'batchDelayMs'>
>;

export type NewCampaign = Pick<CampaignProps, 'id' | 'workspaceId' | 'name' | 'templateId'> &
  Partial<Pick<CampaignProps, 'description' | 'channelId' | 'variableMapping' | 'batchSize' | 'batchDelayMs' | 'audience' | 'scheduledAt'>>;

export class Campaign extends AggregateRoot<CampaignEvent> {
  private constructor(private props: CampaignProps) {
    super();
  }

  static create(input: NewCampaign, now = new Date()): Campaign {
    if (input.scheduledAt && input.scheduledAt.getTime() <= now.getTime()) throw new ScheduledAtInPastError();
    const campaign = new Campaign({
      description: null,
      channelId: null,
      variableMapping: null,
      batchSize: 50,
      batchDelayMs: 0,
      audience: { ...EMPTY_AUDIENCE },
      ...input,
      scheduledAt: input.scheduledAt ?? null,
      status: input.scheduledAt ? SCHEDULED : DRAFT,
      startedAt: null,
      completedAt: null,
      pauseReason: null,
      failureReason: null,
      totalRecipients: 0,
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
    campaign.apply(new CampaignCreatedEvent(input.id, input.workspaceId));
    if (input.scheduledAt) campaign.apply(new CampaignScheduledEvent(input.id, input.workspaceId, input.scheduledAt));
    return campaign;
  }

  static restore(props: CampaignProps): Campaign {
    return new Campaign({ ...props });
  }

  get id() { return this.props.id; }
  get workspaceId() { return this.props.workspaceId; }
  get status() { return this.props.status; }
  get version() { return this.props.version; }

  /** A read-only copy of the state, for persistence and responses. */
  snapshot(): Readonly<CampaignProps> {
    return { ...this.props, audience: { ...this.props.audience } };
  }

  can(action: CampaignAction): boolean {
    if (action === 'schedule' && this.props.status === PAUSED) return !this.props.startedAt;
    return TRANSITIONS[action].includes(this.props.status);
  }

  private guard(action: CampaignAction): void {
    if (!this.can(action)) throw new InvalidTransitionError(action, this.props.status);
  }

  private set(patch: Partial<CampaignProps>, now: Date): void {
    this.props = { ...this.props, ...patch, updatedAt: now };
  }

  schedule(at: Date, now = new Date()): void {
    this.guard('schedule');
    if (at.getTime() <= now.getTime()) throw new ScheduledAtInPastError();
    this.set({ status: SCHEDULED, scheduledAt: at, pauseReason: null }, now);
    this.apply(new CampaignScheduledEvent(this.id, this.workspaceId, at));
  }

  /** Send now (from DRAFT or SCHEDULED). */
  send(now = new Date()): void {
    this.guard('send');
    this.begin(now);
  }

  /** The scheduled time arrived. */
  start(now = new Date()): void {
    this.guard('start');
    this.begin(now);
  }

  /**
   * The scheduler found this campaign due. A start discovered too late (e.g. after an outage) must not
   * fire unannounced: the campaign pauses with SCHEDULE_MISSED for a human to resume.
   */
  arriveScheduled(maxLatenessMs: number, now = new Date()): void {
    this.guard('start');
    const late = now.getTime() - (this.props.scheduledAt?.getTime() ?? now.getTime());
    if (late > maxLatenessMs) this.pause(SCHEDULE_MISSED, now);
    else this.begin(now);
  }

  private begin(now: Date): void {
    this.set({ status: RUNNING, startedAt: now, pauseReason: null }, now);
    this.apply(new CampaignStartedEvent(this.id, this.workspaceId));
  }

  pause(reason: string = MANUAL_PAUSE, now = new Date()): void {
    this.guard('pause');
    this.set({ status: PAUSED, pauseReason: reason }, now);
    this.apply(new CampaignPausedEvent(this.id, this.workspaceId, reason));
  }

  /**
   * A campaign paused before it ever started goes back to waiting for its time, or starts now if that
   * time has passed; one paused mid-run continues where it stopped.
   */
  resume(now = new Date()): void {
    this.guard('resume');
    this.apply(new CampaignResumedEvent(this.id, this.workspaceId));
    if (this.props.startedAt) {
      this.set({ status: RUNNING, pauseReason: null }, now);
    } else if (this.props.scheduledAt && this.props.scheduledAt.getTime() > now.getTime()) {
      this.set({ status: SCHEDULED, pauseReason: null }, now);
    } else {
      this.begin(now);
    }
  }

  stop(now = new Date()): void {
    this.guard('stop');
    // A pause reason describes a campaign that can still resume; a stopped or failed one can't.
    this.set({ status: STOPPED, completedAt: now, pauseReason: null }, now);
    this.apply(new CampaignStoppedEvent(this.id, this.workspaceId));
  }

  complete(now = new Date()): void {
    this.guard('complete');
    this.set({ status: COMPLETED, completedAt: now }, now);
    this.apply(new CampaignCompletedEvent(this.id, this.workspaceId));
  }

  fail(reason: string, now = new Date()): void {
    this.guard('fail');
    this.set({ status: FAILED, failureReason: reason, completedAt: now, pauseReason: null }, now);
    this.apply(new CampaignFailedEvent(this.id, this.workspaceId, reason));
  }

  setAudience(audience: CampaignAudience, now = new Date()): void {
    this.guard('set_audience');
    const unique = (ids: string[]) => [...new Set(ids)];
    this.set({ audience: { groups: unique(audience.groups), sources: unique(audience.sources), segments: unique(audience.segments), contactIds: unique(audience.contactIds) } }, now);
  }

  edit(patch: EditableFields, now = new Date()): void {
    this.guard('edit');
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.set(defined, now);
  }

  delete(): void {
    this.guard('delete');
    this.apply(new CampaignDeletedEvent(this.id, this.workspaceId));
  }

  /** Called by the repository once a save committed: the stored row now has the next version. */
  markSaved(): void {
    this.props.version += 1;
  }

  /** Records how many recipients the materialised audience produced. */
  recordMaterialised(totalRecipients: number, now = new Date()): void {
    this.set({ totalRecipients }, now);
  }
}
