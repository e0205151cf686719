import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Env, RedisService } from '@app/platform';
import { ChannelRateLimiter } from '../../libs/dispatch/src/worker/channel-rate-limiter';

/** The channel token bucket, in the real Redis (its Lua runs there, on Redis' clock). */
describe('ChannelRateLimiter', () => {
  const redis = new RedisService({ REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? 'wace-test' } as Env);
  const limiter = new ChannelRateLimiter(redis);
  afterAll(() => redis.onApplicationShutdown());

  it('grants nothing until the least asked for has accumulated, then all that is there up to what is wanted', async () => {
    const channel = randomUUID();
    // A full bucket holds a tenth of a second: 20 permits at 200 msg/s, refilled at one per 5 ms.
    expect((await limiter.tryAcquire(channel, 200, 500)).granted).toBe(20);
    const early = await limiter.tryAcquire(channel, 200, 100, 20);
    expect(early.granted).toBe(0);
    // Told to come back when 20 are there: within 100 ms at 200 a second.
    expect(early.waitMs).toBeGreaterThan(0);
    expect(early.waitMs).toBeLessThanOrEqual(100);
    await new Promise((r) => setTimeout(r, early.waitMs + 10));
    expect((await limiter.tryAcquire(channel, 200, 100, 20)).granted).toBe(20);
  });

  it('grants what is there when fewer are wanted than the least', async () => {
    const channel = randomUUID();
    await limiter.tryAcquire(channel, 1000, 100);
    await new Promise((r) => setTimeout(r, 10));
    // Only 3 wanted (the end of a batch): granted as soon as 3 are there, without waiting for 20.
    expect((await limiter.tryAcquire(channel, 1000, 3, 20)).granted).toBe(3);
  });

  it('acquire takes a fiftieth of a second of permits at least when it asks for more', async () => {
    const channel = randomUUID();
    await limiter.tryAcquire(channel, 250, 1000);
    const grants: number[] = [];
    for (let i = 0; i < 10; i++) grants.push(await limiter.acquire(channel, 250, 25, () => false));
    // At 250 msg/s a fiftieth of a second is 5 permits: never one at a time as they trickle in.
    expect(Math.min(...grants)).toBeGreaterThanOrEqual(5);
  });
});
