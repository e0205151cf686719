import type { SendWindow } from '@app/campaign';
import { SendWindowGate } from './send-window-gate';

const W: SendWindow = { start: '09:00', end: '20:00', days: ['WED'], timezone: 'recipient', fallbackTimezone: 'Europe/Madrid' };
const NOW = new Date('2026-06-03T12:00:00Z'); // Wednesday: 21:00 in Tokyo, 14:00 in Madrid

describe('SendWindowGate.closedUntil', () => {
  it('is null without a window or inside it, else the next opening in the row\'s zone', () => {
    expect(SendWindowGate.closedUntil(null, 'Asia/Tokyo', NOW)).toBeNull();
    expect(SendWindowGate.closedUntil(W, 'Europe/Madrid', NOW)).toBeNull();
    expect(SendWindowGate.closedUntil(W, 'Asia/Tokyo', NOW)?.toISOString()).toBe('2026-06-10T00:00:00.000Z');
  });

  it('holds a per-recipient row whose zone is not assigned yet for a few seconds, whatever the fallback says', () => {
    expect(SendWindowGate.closedUntil(W, null, NOW)?.getTime()).toBe(NOW.getTime() + 5_000);
    // With one zone for everyone, a row has no zone of its own: the window's zone decides.
    expect(SendWindowGate.closedUntil({ ...W, timezone: 'Asia/Tokyo' }, null, NOW)?.toISOString()).toBe('2026-06-10T00:00:00.000Z');
  });
});
