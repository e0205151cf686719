import { InvalidSendWindowError } from './campaign.errors';
import { isWindowOpen, nextWindowOpening, SendWindow, validateSendWindow } from './send-window';

const WEEKDAYS_9_TO_20: SendWindow = { start: '09:00', end: '20:00', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], timezone: 'recipient', fallbackTimezone: null };

describe('send windows', () => {
  it('is open within the local hours of an allowed day only', () => {
    // Wednesday 2026-06-03 13:00 UTC: 09:00 in New York, 22:00 in Tokyo, 14:00 in London.
    const at = new Date('2026-06-03T13:00:00Z');
    expect(isWindowOpen(WEEKDAYS_9_TO_20, 'America/New_York', at)).toBe(true);
    expect(isWindowOpen(WEEKDAYS_9_TO_20, 'Asia/Tokyo', at)).toBe(false);
    expect(isWindowOpen(WEEKDAYS_9_TO_20, 'Europe/London', at)).toBe(true);
    // 08:59 in New York: not yet.
    expect(isWindowOpen(WEEKDAYS_9_TO_20, 'America/New_York', new Date('2026-06-03T12:59:00Z'))).toBe(false);
  });

  it('finds the next opening: later today, tomorrow, or after the weekend', () => {
    expect(nextWindowOpening(WEEKDAYS_9_TO_20, 'America/New_York', new Date('2026-06-03T12:30:00Z')).toISOString()).toBe('2026-06-03T13:00:00.000Z');
    // Wednesday 22:00 in Tokyo → Thursday 09:00 Tokyo (00:00 UTC).
    expect(nextWindowOpening(WEEKDAYS_9_TO_20, 'Asia/Tokyo', new Date('2026-06-03T13:00:00Z')).toISOString()).toBe('2026-06-04T00:00:00.000Z');
    // Friday 21:00 in London (BST) → Monday 09:00 London (08:00 UTC).
    expect(nextWindowOpening(WEEKDAYS_9_TO_20, 'Europe/London', new Date('2026-06-05T20:00:00Z')).toISOString()).toBe('2026-06-08T08:00:00.000Z');
    // Open now: now.
    const now = new Date('2026-06-03T14:00:00Z');
    expect(nextWindowOpening(WEEKDAYS_9_TO_20, 'Europe/London', now)).toBe(now);
  });

  it('follows daylight-saving changes of the zone', () => {
    // Europe/Berlin moves to summer time on Sunday 2026-03-29; the Monday opening is 09:00 CEST = 07:00 UTC.
    const w = { ...WEEKDAYS_9_TO_20, days: ['MON'] as SendWindow['days'] };
    expect(nextWindowOpening(w, 'Europe/Berlin', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('refuses windows that never open or name unknown zones, and orders days', () => {
    expect(() => validateSendWindow({ ...WEEKDAYS_9_TO_20, start: '20:00', end: '09:00' })).toThrow(InvalidSendWindowError);
    expect(() => validateSendWindow({ ...WEEKDAYS_9_TO_20, start: '24:00' })).toThrow(InvalidSendWindowError);
    expect(() => validateSendWindow({ ...WEEKDAYS_9_TO_20, days: [] })).toThrow(InvalidSendWindowError);
    expect(() => validateSendWindow({ ...WEEKDAYS_9_TO_20, timezone: 'Mars/Olympus' })).toThrow(InvalidSendWindowError);
    expect(() => validateSendWindow({ ...WEEKDAYS_9_TO_20, fallbackTimezone: 'Nowhere' })).toThrow(InvalidSendWindowError);
    expect(validateSendWindow({ ...WEEKDAYS_9_TO_20, days: ['FRI', 'MON'] }).days).toEqual(['MON', 'FRI']);
  });
});

describe('send windows to the second', () => {
  it('opens at HH:MM:SS', () => {
    const w: SendWindow = { start: '12:00:05', end: '12:30', days: ['WED'], timezone: 'UTC', fallbackTimezone: null };
    expect(isWindowOpen(w, 'UTC', new Date('2026-06-03T12:00:04Z'))).toBe(false);
    expect(isWindowOpen(w, 'UTC', new Date('2026-06-03T12:00:05Z'))).toBe(true);
    expect(nextWindowOpening(w, 'UTC', new Date('2026-06-03T12:00:00.500Z')).toISOString()).toBe('2026-06-03T12:00:05.000Z');
  });
});
