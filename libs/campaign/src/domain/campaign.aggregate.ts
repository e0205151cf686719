import { AggregateRoot } from '@nestjs/cqrs';
import type { AudienceSpec } from '@app/audience';
import { CampaignStatus } from './campaign-status';
import {
  CampaignCompletedEvent,
  CampaignCreatedEvent,
  CampaignDeletedEvent,
  CampaignEvent,
  CampaignFailedEvent,
  CampaignMaterialisedEvent,
  CampaignPausedEvent,
  CampaignResumedEvent,
  CampaignRetriedEvent,
  CampaignScheduledEvent,
  CampaignStartedEvent,
  CampaignStoppedEvent,
} from './events';
import { InvalidTransitionError, ScheduledAtInPastError } from './campaign.errors';
import type { SendWindow } from './send-window';

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
  | 'retry'
  | 'test_send'
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
  retry: [COMPLETED, STOPPED, FAILED],
  test_send: [DRAFT, SCHEDULED],
  set_audience: [DRAFT, PAUSED],
  edit: [DRAFT, SCHEDULED],
  delete: [DRAFT, SCHEDULED, COMPLETED, STOPPED, FAILED],
};

/** Pause reasons are UPPER_SNAKE like every other reason and code the API returns. */
export const MANUAL_PAUSE = 'MANUAL';
export const SCHEDULE_MISSED = 'SCHEDULE_MISSED';
/** WhatsApp paused the campaign's template (status update or error 132015); resumes by itself once it is approved again. */
export const TEMPLATE_PAUSED = 'TEMPLATE_PAUSED';
/** The failure guard's threshold when a campaign sets none: more than half of the attempted sends failed. */
export const DEFAULT_MAX_FAILURE_RATE = 0.5;
/** failure_reason of a scheduled start that found nobody to message. */
export const EMPTY_AUDIENCE_FAILURE = 'EMPTY_AUDIENCE: the audience had no contact to message when the scheduled time came';

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
  /** Pause with HIGH_FAILURE_RATE when more than this fraction of attempted sends failed; null: never. */
  maxFailureRate: number | null;
  /** Local hours (and days) recipients may be messaged in; null: any time. */
  sendWindow: SendWindow | null;
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
  Pick<CampaignProps, 'name' | 'description' | 'templateId' | 'channelId' | 'variableMapping' | 'batchSize' | 'batchDelayMs' | 'maxFailureRate' | 'sendWindow'>
>;

export type NewCampaign = Pick<CampaignProps, 'id' | 'workspaceId' | 'name' | 'templateId'> &
  Partial<Pick<CampaignProps, 'description' | 'channelId' | 'variableMapping' | 'batchSize' | 'batchDelayMs' | 'maxFailureRate' | 'sendWindow' | 'audience' | 'scheduledAt'>>;

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
      sendWindow: null,
      audience: { ...EMPTY_AUDIENCE },
      ...input,
      // Omitted is the default; null is a choice (no guard).
      maxFailureRate: input.maxFailureRate === undefined ? DEFAULT_MAX_FAILURE_RATE : input.maxFailureRate,
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
  get pauseReason() { return this.props.pauseReason; }

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
  arriveScheduled(maxLatenessMs: number, audienceEmpty = false, now = new Date()): void {
    this.guard('start');
    if (this.startsTooLate(maxLatenessMs, now)) this.pause(SCHEDULE_MISSED, now);
    // Nobody to message: completing with 0 recipients would hide a mistake the client must hear about.
    else if (audienceEmpty) this.fail(EMPTY_AUDIENCE_FAILURE, now);
    else this.begin(now);
  }

  private startsTooLate(maxLatenessMs: number, now: Date): boolean {
    return now.getTime() - (this.props.scheduledAt?.getTime() ?? now.getTime()) > maxLatenessMs;
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

  /**
   * Meta approved the template again: a campaign paused for that reason alone resumes (a scheduled one returns
   * to SCHEDULED). One that would now start later than allowed waits for a human instead, as SCHEDULE_MISSED.
   * Anything else (running, paused by a user or another cause) is left as it is.
   */
  resumeAfterTemplateApproved(maxLatenessMs: number, now = new Date()): void {
    if (this.props.status !== PAUSED || this.props.pauseReason !== TEMPLATE_PAUSED) return;
    const wouldStart = !this.props.startedAt && (!this.props.scheduledAt || this.props.scheduledAt.getTime() <= now.getTime());
    if (wouldStart && this.startsTooLate(maxLatenessMs, now)) {
      this.set({ pauseReason: SCHEDULE_MISSED }, now);
      this.apply(new CampaignPausedEvent(this.id, this.workspaceId, SCHEDULE_MISSED));
    } else this.resume(now);
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

  /**
   * A finished campaign sends again to the recipients put back to pending with it (failed ones whose cause
   * may have passed). It is a new run of the same campaign, so it announces itself as `campaign.retried`,
   * not `campaign.resumed`: nothing was paused.
   */
  retry(now = new Date()): void {
    this.guard('retry');
    this.set({ status: RUNNING, completedAt: null, failureReason: null, pauseReason: null }, now);
    this.apply(new CampaignRetriedEvent(this.id, this.workspaceId));
  }

  /** A test send is checked against the table like a transition, but changes nothing: it is outside the run. */
  checkTestSend(): void {
    this.guard('test_send');
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
    this.apply(new CampaignMaterialisedEvent(this.id, this.workspaceId, totalRecipients));
  }
}
