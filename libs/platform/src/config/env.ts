import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

// Reads the raw value: implicit conversion has already turned the string 'false' into `true` by now.
const toBool = ({ value, obj, key }: { value: unknown; obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key] ?? value;
  return typeof raw === 'string' ? ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) : raw;
};

/**
 * Every variable the processes read. Validated once at start so a typo stops the process with the
 * variable's name instead of failing later in a request.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  /** Address the API (and the worker's health port) listens on. */
  @IsString() @Matches(/^[0-9A-Za-z.:_-]{1,255}$/, { message: 'HOST must be an address or host name' })
  HOST = '0.0.0.0';

  /** The API process also runs the queue processors (single-process development mode). */
  @IsBoolean() @Transform(toBool)
  RUN_WORKERS: boolean = false;

  /**
   * Port of the worker's own small HTTP server (/health/live, /health/ready, /metrics); 0 = none. Off in
   * development, where the worker runs beside the API; the container image turns it on.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  WORKER_HTTP_PORT: number = 0;

  /**
   * Longest a process takes to stop after SIGTERM: a worker stops claiming, lets its calls in flight finish
   * and records them, hands back what it claimed but did not send, then exits; past this it exits anyway.
   * Keep it under the orchestrator's own grace period (compose `stop_grace_period`).
   */
  @Type(() => Number) @IsInt() @Min(1000) @Max(600_000)
  SHUTDOWN_GRACE_MS: number = 25_000;

  /** Connections each process keeps to Postgres. */
  @Type(() => Number) @IsInt() @Min(2) @Max(500)
  DATABASE_POOL_SIZE: number = 20;

  /** Bearer token (or Basic password) of the read-only queue dashboard at /admin/queues; unset = no dashboard. */
  @IsOptional() @IsString() @Matches(/^\S{16,256}$/, { message: 'ADMIN_TOKEN must be 16-256 characters without spaces' })
  ADMIN_TOKEN?: string;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/wa_campaigns';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces every Redis key (Bull queues, rate limiters) so several deployments or test runs can share one Redis. */
  @IsString() @Matches(/^[A-Za-z0-9:_-]{1,64}$/)
  QUEUE_PREFIX = 'wace';

  @IsBoolean() @Transform(toBool)
  MIGRATIONS_RUN: boolean = true;

  /** 32-byte key, hex (64 chars) or base64, for AES-256-GCM encryption of channel secrets. Required in production. */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, { message: 'ENCRYPTION_KEY must be 32 bytes as 64 hex chars or base64' })
  ENCRYPTION_KEY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsBoolean() @Transform(toBool)
  LOG_PRETTY: boolean = false;

  /** Graph API base URL used when a channel does not set its own (the sandbox in development). */
  @Matches(/^https?:\/\//)
  WHATSAPP_API_BASE_URL = 'https://graph.facebook.com';

  @Matches(/^v\d+\.\d+$/)
  WHATSAPP_API_VERSION = 'v21.0';

  /** Token Meta echoes in the GET /webhooks/whatsapp verification handshake. */
  @IsString()
  WHATSAPP_VERIFY_TOKEN = 'change-me';

  @Type(() => Number) @IsInt() @Min(1000)
  SCHEDULE_MAX_LATENESS_MS: number = 3_600_000;

  /** How often each worker sweeps: due starts, expired claims, uncertain sends, idle running campaigns. */
  @Type(() => Number) @IsInt() @Min(500)
  SCHEDULE_SWEEP_INTERVAL_MS: number = 5_000;

  /**
   * A pump's claim lease: renewed every quarter of it while the process lives, so a dead or frozen
   * worker's claimed rows return to the pool about this long after it stopped.
   */
  @Type(() => Number) @IsInt() @Min(2000)
  DISPATCH_LEASE_MS: number = 15_000;

  /** Largest CSV a contact import takes, in bytes (over it: 413) and in data rows (over it: the import fails). */
  @Type(() => Number) @IsInt() @Min(1) @Max(209_715_200)
  CONTACT_IMPORT_MAX_BYTES: number = 209_715_200;

  @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  CONTACT_IMPORT_MAX_ROWS: number = 1_000_000;

  /** After this long without an outcome, a send whose HTTP call was interrupted is failed as DISPATCH_UNCERTAIN. */
  @Type(() => Number) @IsInt() @Min(1000)
  DISPATCH_UNCERTAIN_TIMEOUT_MS: number = 600_000;

  /**
   * Most sends one worker keeps in flight, shared by its running campaigns (each sized to its channel's
   * rate × observed latency); also the HTTP connections per Graph API origin. 1,024 fills a 1,000 msg/s
   * number at 500 ms.
   */
  @Type(() => Number) @IsInt() @Min(8) @Max(10000)
  DISPATCH_MAX_IN_FLIGHT: number = 1024;

  /** Pumps (possibly on different workers) that may send one campaign at once; the channel's rate is shared by them. */
  @Type(() => Number) @IsInt() @Min(1) @Max(16)
  DISPATCH_PUMPS_PER_CAMPAIGN: number = 2;

  /** Concurrent slices (each its own connection and core) that materialise a campaign's audience. */
  @Type(() => Number) @IsInt() @Min(1) @Max(16)
  MATERIALISE_PARALLELISM: number = 2;

  /**
   * Longest a client may take to send a whole request, and its headers: a client trickling bytes would
   * otherwise hold a socket (and its memory) for Node's default five minutes.
   */
  @Type(() => Number) @IsInt() @Min(1000)
  HTTP_REQUEST_TIMEOUT_MS: number = 60_000;

  @Type(() => Number) @IsInt() @Min(1000)
  HTTP_HEADERS_TIMEOUT_MS: number = 20_000;

  /** Requests a minute per API key (counted in Redis across every API process); over it: 429 with Retry-After. */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_PER_KEY_PER_MINUTE: number = 6_000;

  /** Requests a minute per client IP for calls without an API key (Meta's inbound webhooks are not limited). */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_PER_IP_PER_MINUTE: number = 600;

  /** Allows outbound webhook URLs on loopback/private addresses (development and tests only). */
  @IsBoolean() @Transform(toBool)
  WEBHOOKS_ALLOW_PRIVATE_URLS: boolean = false;

  /** Allows a channel's `api_base_url` on loopback/private addresses (development, tests and the sandbox demo only). */
  @IsBoolean() @Transform(toBool)
  CHANNELS_ALLOW_PRIVATE_URLS: boolean = false;

  /** Delays (ms, comma-separated) before each outbound webhook attempt; unset = Standard Webhooks' schedule. */
  @IsOptional() @Matches(/^\d+(\s*,\s*\d+)*$/)
  WEBHOOK_RETRY_SCHEDULE_MS?: string;

  /** How often the webhook relay polls the outbox. */
  @Type(() => Number) @IsInt() @Min(10)
  WEBHOOK_RELAY_INTERVAL_MS: number = 500;

  /** How often due webhook deliveries are re-enqueued in case their queue job was lost. */
  @Type(() => Number) @IsInt() @Min(10)
  WEBHOOK_SWEEP_INTERVAL_MS: number = 10_000;

  /**
   * An endpoint is disabled (as after a 410) once this many of its deliveries in a row failed every attempt of
   * the retry schedule: at Standard Webhooks' schedule, days of failures with nothing delivered in between.
   */
  @Type(() => Number) @IsInt() @Min(1)
  WEBHOOK_DISABLE_AFTER_FAILURES: number = 5;

}

/** The verification token `.env.example` ships with: anyone who read it could answer Meta's handshake. */
const DEFAULT_VERIFY_TOKEN = new Env().WHATSAPP_VERIFY_TOKEN;

/** Settings that are fine on a laptop and a hole in production; each is named with the reason. */
function productionProblems(env: Env): string[] {
  const problems: string[] = [];
  if (!env.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY is required in production');
  else if (/^(0+|A+=?)$/.test(env.ENCRYPTION_KEY)) problems.push('ENCRYPTION_KEY must not be all zeros in production');
  if (env.WHATSAPP_VERIFY_TOKEN === DEFAULT_VERIFY_TOKEN) problems.push(`WHATSAPP_VERIFY_TOKEN must not be the default "${DEFAULT_VERIFY_TOKEN}" in production`);
  for (const name of ['WEBHOOKS_ALLOW_PRIVATE_URLS', 'CHANNELS_ALLOW_PRIVATE_URLS'] as const) {
    if (env[name]) problems.push(`${name} must be false in production (it lets tenants reach internal addresses)`);
  }
  return problems;
}

export function validateEnv(raw: Record<string, unknown>): Env {
  // An empty value (`KEY=` as in .env.example) means "not set": the default applies.
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const env = plainToInstance(Env, given, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const problems = env.NODE_ENV === 'production' ? productionProblems(env) : [];
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return env;
}
