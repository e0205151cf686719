import 'tsconfig-paths/register';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '@app/composition';
import { dataSourceOptions, ensureDatabase } from '@app/platform';
import { testRunEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  const env = testRunEnv();
  Object.assign(process.env, env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    MIGRATIONS_RUN: 'false',
    WEBHOOKS_ALLOW_PRIVATE_URLS: 'true',
    CHANNELS_ALLOW_PRIVATE_URLS: 'true',
    // Suites drive the API far faster than a client should; the rate-limit test sets its own low limits.
    RATE_LIMIT_PER_KEY_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '1000000',
  });
  await ensureDatabase(env.DATABASE_URL);
  const ds = new DataSource(dataSourceOptions(env.DATABASE_URL, ALL_MIGRATIONS));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
