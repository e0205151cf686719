/** What happens to messages sent to matching recipients. */
export interface ScenarioEffect {
  /** Answer the send synchronously with this Meta error code. */
  error_code?: number;
  /** Override the HTTP status of that error (defaults to the one Meta uses for the code). */
  error_http_status?: number;
  /** Accept the send, then report a `failed` status webhook carrying this code. */
  async_error_code?: number;
  /** Delivered but never read. */
  never_read?: boolean;
  /** Wait this long after `sent` before `delivered`. */
  delivery_delay_ms?: number;
  /** Accept the send but never emit its status webhooks. */
  drop_webhooks?: boolean;
  /** Accept (and record) the send, then hold the HTTP answer this long: a client timeout makes it "uncertain". */
  response_delay_ms?: number;
}

export interface ScenarioMatch {
  phone?: string;
  suffix?: string;
  regex?: string;
}

export interface Scenario extends ScenarioEffect {
  id: string;
  match: ScenarioMatch;
  /** Applies to this many matching sends only (unlimited when absent). */
  times?: number;
  /** Matching sends so far. */
  hits: number;
}

const EFFECT_KEYS = ['error_code', 'error_http_status', 'async_error_code', 'never_read', 'delivery_delay_ms', 'drop_webhooks', 'response_delay_ms'] as const;

export const digitsOnly = (phone: string): string => phone.replace(/^\+/, '');

/** Accepts `{match: {phone|suffix|regex}, ...effect}` or the flat `{phone|suffix|regex, ...effect}`. */
export function parseScenario(input: Record<string, any>, id: string): Scenario {
  if (!input || typeof input !== 'object') throw new Error('scenario must be an object');
  const m = (input.match && typeof input.match === 'object' ? input.match : input) as Record<string, unknown>;
  const match: ScenarioMatch = {};
  if (typeof m.phone === 'string') match.phone = digitsOnly(m.phone);
  if (typeof m.suffix === 'string') match.suffix = m.suffix;
  if (typeof m.regex === 'string') {
    new RegExp(m.regex); // reject invalid patterns up front
    match.regex = m.regex;
  }
  if (!match.phone && !match.suffix && !match.regex) throw new Error('scenario needs match.phone, match.suffix or match.regex');
  const scenario: Scenario = { id: typeof input.id === 'string' ? input.id : id, match, hits: 0 };
  for (const key of EFFECT_KEYS) {
    if (input[key] === undefined) continue;
    const v = input[key];
    const isBool = key === 'never_read' || key === 'drop_webhooks';
    if (isBool ? typeof v !== 'boolean' : !Number.isInteger(v) || v < 0) throw new Error(`scenario ${key} is invalid`);
    (scenario as any)[key] = v;
  }
  if (input.times !== undefined) {
    if (!Number.isInteger(input.times) || input.times < 1) throw new Error('scenario times must be a positive integer');
    scenario.times = input.times;
  }
  return scenario;
}

const regexCache = new Map<string, RegExp>();

function matches(match: ScenarioMatch, digits: string): boolean {
  if (match.phone !== undefined && match.phone !== digits) return false;
  if (match.suffix !== undefined && !digits.endsWith(match.suffix)) return false;
  if (match.regex !== undefined) {
    let re = regexCache.get(match.regex);
    if (!re) regexCache.set(match.regex, (re = new RegExp(match.regex)));
    if (!re.test(digits)) return false;
  }
  return true;
}

/** First scenario matching the recipient (digits, no `+`) that still has uses left; counts the hit. */
export function pickScenario(scenarios: Scenario[], digits: string): Scenario | undefined {
  for (const s of scenarios) {
    if (s.times !== undefined && s.hits >= s.times) continue;
    if (matches(s.match, digits)) {
      s.hits++;
      return s;
    }
  }
  return undefined;
}

