import { Campaign, CampaignAction, CampaignProps, MANUAL_PAUSE, TRANSITIONS } from './campaign.aggregate';
import { CampaignStatus } from './campaign-status';
import { InvalidTransitionError, ScheduledAtInPastError } from './campaign.errors';

const NOW = new Date('2026-06-01T10:00:00Z');
const LATER = new Date('2026-06-02T09:30:00Z');
const { DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, STOPPED, FAILED } = CampaignStatus;

function campaignIn(status: CampaignStatus, extra: Partial<CampaignProps> = {}): Campaign {
  return Campaign.restore({
    id: '00000000-0000-4000-8000-000000000001',
    workspaceId: '00000000-0000-4000-8000-000000000002',
    name: 'c',
    description: null,
    status,
    templateId: '00000000-0000-4000-8000-000000000003',
    channelId: null,
    variableMapping: null,
    batchSize: 50,
    batchDelayMs: 0,
    maxFailureRate: 0.5,
    sendWindow: null,
    audience: { groups: [], sources: [], segments: [], contactIds: [] },
    scheduledAt: status === SCHEDULED ? LATER : null,
    startedAt: [RUNNING, PAUSED, COMPLETED, STOPPED, FAILED].includes(status) ? NOW : null,
    completedAt: null,
    pauseReason: null,
    failureReason: null,
    totalRecipients: 0,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  });
}

const ACT: Record<CampaignAction, (c: Campaign) => void> = {
  schedule: (c) => c.schedule(LATER, NOW),
  send: (c) => c.send(NOW),
  start: (c) => c.start(NOW),
  pause: (c) => c.pause(MANUAL_PAUSE, NOW),
  resume: (c) => c.resume(NOW),
  stop: (c) => c.stop(NOW),
  complete: (c) => c.complete(NOW),
  fail: (c) => c.fail('template disabled', NOW),
  retry: (c) => c.retry(NOW),
  test_send: (c) => c.checkTestSend(),
  set_audience: (c) => c.setAudience({ groups: [], sources: [], segments: [], contactIds: [] }, NOW),
  edit: (c) => c.edit({ name: 'renamed' }, NOW),
  delete: (c) => c.delete(),
};

/** Expected status after each legal action; null: the action does not change the status. */
const EXPECTED: Record<CampaignAction, CampaignStatus | null> = {
  schedule: SCHEDULED,
  send: RUNNING,
  start: RUNNING,
  pause: PAUSED,
  resume: RUNNING,
  stop: STOPPED,
  complete: COMPLETED,
  fail: FAILED,
  retry: RUNNING,
  test_send: null,
  set_audience: null,
  edit: null,
  delete: null,
};

const LEGAL: Record<CampaignStatus, CampaignAction[]> = {
  DRAFT: ['schedule', 'send', 'test_send', 'set_audience', 'edit', 'delete'],
  SCHEDULED: ['schedule', 'send', 'start', 'pause', 'stop', 'fail', 'test_send', 'edit', 'delete'],
  RUNNING: ['pause', 'stop', 'complete', 'fail'],
  PAUSED: ['resume', 'stop', 'fail', 'set_audience'],
  COMPLETED: ['retry', 'delete'],
  STOPPED: ['retry', 'delete'],
  FAILED: ['retry', 'delete'],
};

describe('Campaign state machine', () => {
  const statuses = Object.values(CampaignStatus);
  const actions = Object.keys(ACT) as CampaignAction[];

  it('the transition table matches the reference', () => {
    for (const action of actions) {
      const from = statuses.filter((s) => LEGAL[s].includes(action));
      expect([...TRANSITIONS[action]].sort()).toEqual(from.sort());
    }
  });

  for (const status of statuses) {
    for (const action of actions) {
      const legal = LEGAL[status].includes(action);
      it(`${action} from ${status} is ${legal ? 'allowed' : 'refused'}`, () => {
        const c = campaignIn(status);
        if (legal) {
          ACT[action](c);
          expect(c.status).toBe(EXPECTED[action] ?? status);
        } else {
          expect(() => ACT[action](c)).toThrow(InvalidTransitionError);
          expect(c.status).toBe(status);
          expect(c.getUncommittedEvents()).toHaveLength(0);
        }
      });
    }
  }

  it('raises past-tense events with their public names', () => {
    const c = campaignIn(DRAFT);
    c.send(NOW);
    c.pause(MANUAL_PAUSE, NOW);
    c.resume(NOW);
    c.stop(NOW);
    expect(c.getUncommittedEvents().map((e) => e.type)).toEqual([
      'campaign.started',
      'campaign.paused',
      'campaign.resumed',
      'campaign.stopped',
    ]);
  });

  it('create: DRAFT without scheduled_at, SCHEDULED with a future one, refused in the past', () => {
    const base = { id: 'a', workspaceId: 'w', name: 'n', templateId: 't' };
    const draft = Campaign.create(base, NOW);
    expect(draft.status).toBe(DRAFT);
    expect(draft.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.created']);
    const scheduled = Campaign.create({ ...base, scheduledAt: LATER }, NOW);
    expect(scheduled.status).toBe(SCHEDULED);
    expect(scheduled.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.created', 'campaign.scheduled']);
    expect(() => Campaign.create({ ...base, scheduledAt: new Date(NOW.getTime() - 1) }, NOW)).toThrow(ScheduledAtInPastError);
  });

  it('pause records the reason; resume clears it', () => {
    const c = campaignIn(RUNNING);
    c.pause('SCHEDULE_MISSED', NOW);
    expect(c.snapshot().pauseReason).toBe('SCHEDULE_MISSED');
    c.resume(NOW);
    expect(c.snapshot().pauseReason).toBeNull();
  });

  it('a manual pause reads MANUAL; stopping or failing a paused campaign clears its pause reason', () => {
    const stopped = campaignIn(RUNNING);
    stopped.pause(undefined, NOW);
    expect(stopped.snapshot().pauseReason).toBe('MANUAL');
    stopped.stop(NOW);
    expect(stopped.snapshot()).toMatchObject({ status: CampaignStatus.STOPPED, pauseReason: null });
    const failed = campaignIn(PAUSED, { pauseReason: 'TEMPLATE_PAUSED' });
    failed.fail('TEMPLATE_DISABLED', NOW);
    expect(failed.snapshot()).toMatchObject({ status: CampaignStatus.FAILED, pauseReason: null, failureReason: 'TEMPLATE_DISABLED' });
  });

  it('resume of a campaign paused before starting waits for its time, or starts when it has passed', () => {
    const waiting = campaignIn(PAUSED, { startedAt: null, scheduledAt: LATER });
    waiting.resume(NOW);
    expect(waiting.status).toBe(SCHEDULED);
    const due = campaignIn(PAUSED, { startedAt: null, scheduledAt: new Date(NOW.getTime() - 1000) });
    due.resume(NOW);
    expect(due.status).toBe(RUNNING);
    expect(due.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.resumed', 'campaign.started']);
  });

  it('a campaign paused before it started can be rescheduled; one paused mid-run cannot', () => {
    const notStarted = campaignIn(PAUSED, { startedAt: null });
    notStarted.schedule(LATER, NOW);
    expect(notStarted.status).toBe(SCHEDULED);
    expect(() => campaignIn(PAUSED).schedule(LATER, NOW)).toThrow(InvalidTransitionError);
  });

  it('schedule refuses a time in the past', () => {
    expect(() => campaignIn(DRAFT).schedule(new Date(NOW.getTime() - 1), NOW)).toThrow(ScheduledAtInPastError);
  });

  it('fail records the reason and completion time', () => {
    const c = campaignIn(RUNNING);
    c.fail('template disabled', NOW);
    expect(c.snapshot()).toMatchObject({ status: FAILED, failureReason: 'template disabled', completedAt: NOW });
  });
  it('a template approved again resumes only campaigns paused for TEMPLATE_PAUSED; a start now too late waits as SCHEDULE_MISSED', () => {
    const running = campaignIn(PAUSED, { pauseReason: 'TEMPLATE_PAUSED' });
    running.resumeAfterTemplateApproved(60_000, NOW);
    expect(running.snapshot()).toMatchObject({ status: RUNNING, pauseReason: null });
    expect(running.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.resumed']);

    const waiting = campaignIn(PAUSED, { pauseReason: 'TEMPLATE_PAUSED', startedAt: null, scheduledAt: LATER });
    waiting.resumeAfterTemplateApproved(60_000, NOW);
    expect(waiting.snapshot()).toMatchObject({ status: SCHEDULED, pauseReason: null });

    const missed = campaignIn(PAUSED, { pauseReason: 'TEMPLATE_PAUSED', startedAt: null, scheduledAt: new Date(NOW.getTime() - 120_000) });
    missed.resumeAfterTemplateApproved(60_000, NOW);
    expect(missed.snapshot()).toMatchObject({ status: PAUSED, pauseReason: 'SCHEDULE_MISSED' });
    expect(missed.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.paused']);

    for (const c of [campaignIn(PAUSED, { pauseReason: 'MANUAL' }), campaignIn(PAUSED, { pauseReason: 'HIGH_FAILURE_RATE' }), campaignIn(RUNNING)]) {
      const before = c.snapshot();
      c.resumeAfterTemplateApproved(60_000, NOW);
      expect(c.snapshot()).toEqual(before);
      expect(c.getUncommittedEvents()).toEqual([]);
    }
  });

  it('a scheduled start with nobody to message fails with EMPTY_AUDIENCE (unless it is too late to start at all)', () => {
    const due = campaignIn(SCHEDULED, { scheduledAt: NOW });
    due.arriveScheduled(60_000, true, NOW);
    expect(due.snapshot()).toMatchObject({ status: FAILED, failureReason: expect.stringMatching(/^EMPTY_AUDIENCE/) });
    const late = campaignIn(SCHEDULED, { scheduledAt: new Date(NOW.getTime() - 120_000) });
    late.arriveScheduled(60_000, true, NOW);
    expect(late.snapshot()).toMatchObject({ status: PAUSED, pauseReason: 'SCHEDULE_MISSED' });
  });

  it('recording the materialised total raises campaign.materialised without changing the status', () => {
    const c = campaignIn(RUNNING);
    c.recordMaterialised(42, NOW);
    expect(c.snapshot()).toMatchObject({ status: RUNNING, totalRecipients: 42 });
    expect(c.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.materialised']);
  });

  it('retry runs a finished campaign again as campaign.retried, clearing its end and failure', () => {
    const c = campaignIn(FAILED, { failureReason: 'template disabled', completedAt: NOW });
    c.retry(LATER);
    expect(c.snapshot()).toMatchObject({ status: RUNNING, failureReason: null, completedAt: null, startedAt: NOW });
    expect(c.getUncommittedEvents().map((e) => e.type)).toEqual(['campaign.retried']);
  });
});
