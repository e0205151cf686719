import 'tsconfig-paths/register';
import Redis from 'ioredis';
import { dropDatabase } from '@app/platform';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DB !== '1') await dropDatabase(process.env.DATABASE_URL!);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.QUEUE_PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
