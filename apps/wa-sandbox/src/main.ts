import { createSandbox, SandboxOptions } from './sandbox';

/**
 * The sandbox is a dev/test tool outside the Nest apps, so it reads its own SANDBOX_* variables
 * rather than the validated `Env`.
 */
function optionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    return n;
  };
  const bool = (name: string): boolean => ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').toLowerCase());
  const json = <T>(name: string): T | undefined => {
    if (!env[name]) return undefined;
    try {
      return JSON.parse(env[name]!) as T;
    } catch {
      throw new Error(`${name} must be JSON`);
    }
  };
  return {
    port: int('SANDBOX_PORT', 3900),
    host: env.SANDBOX_HOST || '127.0.0.1',
    accessToken: env.SANDBOX_ACCESS_TOKEN || 'sandbox-token',
    appSecret: env.SANDBOX_APP_SECRET || 'sandbox-secret',
    webhookUrl: env.SANDBOX_WEBHOOK_URL || null,
    phoneNumberId: env.SANDBOX_PHONE_NUMBER_ID || '100000000000001',
    wabaId: env.SANDBOX_WABA_ID || '200000000000001',
    mps: int('SANDBOX_MPS', 1000),
    latencyMs: int('SANDBOX_LATENCY_MS', 0),
    statusDelayMs: int('SANDBOX_STATUS_DELAY_MS', 50),
    shuffle: bool('SANDBOX_SHUFFLE'),
    duplicates: bool('SANDBOX_DUPLICATES'),
    webhookRetryBaseMs: int('SANDBOX_WEBHOOK_RETRY_BASE_MS', 500),
    webhookRetryMaxMs: int('SANDBOX_WEBHOOK_RETRY_MAX_MS', 3_600_000),
    webhookMaxAttempts: int('SANDBOX_WEBHOOK_MAX_ATTEMPTS', 30),
    statusesPerPost: int('SANDBOX_STATUSES_PER_POST', 1),
    webhookPostsInFlight: int('SANDBOX_WEBHOOK_POSTS_IN_FLIGHT', 64),
    scenarios: json('SANDBOX_SCENARIOS'),
    templates: json('SANDBOX_TEMPLATES'),
  };
}

async function main(): Promise<void> {
  const sandbox = await createSandbox(optionsFromEnv(process.env));
  const { config, numbers } = sandbox.state;
  const number = numbers.values().next().value!;
  process.stdout.write(
    `WhatsApp sandbox listening on ${sandbox.url} (phone_number_id=${number.phone_number_id}, waba_id=${number.waba_id}, ` +
      `mps=${config.mps || 'unlimited'}, webhook_url=${config.webhook_url ?? 'none'})\n`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err?.message ?? err}\n`);
  process.exit(1);
});
