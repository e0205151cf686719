import { InvalidSendWindowError } from './campaign.errors';

export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `timezone`: each recipient's own zone, or one IANA zone for everyone. */
export interface SendWindow {
  /** Local "HH:MM" (or "HH:MM:SS"), inclusive. */
  start: string;
  /** Local "HH:MM" (or "HH:MM:SS"), exclusive; after `start` (a window lies within one day). */
  end: string;
  days: Weekday[];
  timezone: 'recipient' | string;
  /** The zone of a recipient whose own can't be told (no contact zone, and a country with several zones). */
  fallbackTimezone: string | null;
}

export const RECIPIENT_TIMEZONE = 'recipient';
export const LOCAL_TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$/;

/** Seconds since local midnight of "HH:MM[:SS]". */
const secondsOf = (hhmm: string) => {
  const m = LOCAL_TIME.exec(hhmm)!;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** Local weekday and second of the day of `at` in `zone`. */
function localTime(zone: string, at: Date): { day: Weekday; second: number } {
  const parts = formatterFor(zone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const day = parts.find((p) => p.type === 'weekday')!.value.toUpperCase() as Weekday;
  return { day, second: get('hour') * 3600 + get('minute') * 60 + get('second') };
}

/** Refuses a window that can never open or names an unknown zone (400 INVALID_SEND_WINDOW). */
export function validateSendWindow(w: SendWindow): SendWindow {
  const problems: string[] = [];
  if (!LOCAL_TIME.test(w.start) || !LOCAL_TIME.test(w.end)) problems.push('start and end must be HH:MM or HH:MM:SS (00:00 to 23:59:59)');
  else if (secondsOf(w.start) >= secondsOf(w.end)) problems.push('end must be after start (a window lies within one day)');
  if (!w.days.length) problems.push('days must name at least one day');
  if (w.timezone !== RECIPIENT_TIMEZONE && !isTimeZone(w.timezone)) problems.push(`unknown time zone ${w.timezone}`);
  if (w.fallbackTimezone && !isTimeZone(w.fallbackTimezone)) problems.push(`unknown time zone ${w.fallbackTimezone}`);
  if (problems.length) throw new InvalidSendWindowError(problems);
  return { ...w, days: WEEKDAYS.filter((d) => w.days.includes(d)) };
}

/** Whether the window is open at `at` in `zone`. */
export function isWindowOpen(w: SendWindow, zone: string, at: Date): boolean {
  const { day, second } = localTime(zone, at);
  return w.days.includes(day) && second >= secondsOf(w.start) && second < secondsOf(w.end);
}

/**
 * When the window next opens in `zone` after `at` (`at` itself when it is open). Walks forward to the next
 * local minute that is the start time on an allowed day, so daylight-saving shifts are the zone's own.
 */
export function nextWindowOpening(w: SendWindow, zone: string, at: Date): Date {
  if (isWindowOpen(w, zone, at)) return at;
  const start = secondsOf(w.start);
  const { second } = localTime(zone, at);
  const base = Math.floor(at.getTime() / 1000) * 1000;
  // Candidate: today's start local time, then each following day's; a local time is found by stepping
  // from `at` by the second difference and correcting once for an offset change in between.
  for (let dayOffset = 0; dayOffset <= 8; dayOffset++) {
    const guess = new Date(base + (dayOffset * 86_400 + start - second) * 1000);
    const local = localTime(zone, guess).second;
    const corrected = local === start ? guess : new Date(guess.getTime() + (start - local) * 1000);
    if (corrected.getTime() > at.getTime() && isWindowOpen(w, zone, corrected)) return corrected;
  }
  // Unreachable for a valid window (some allowed day recurs within a week).
  throw new InvalidSendWindowError(['the window never opens']);
}
