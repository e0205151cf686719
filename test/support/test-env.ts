import { randomBytes } from 'node:crypto';

/**
 * Every test run gets its own database and Redis prefix, so concurrent runs never collide.
 * global-setup fixes them once and test workers inherit them through the environment.
 */
export function testRunEnv(): { DATABASE_URL: string; QUEUE_PREFIX: string } {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/wace_test_${id}`;
  return { DATABASE_URL: base.toString(), QUEUE_PREFIX: `wace-test-${id}` };
}
