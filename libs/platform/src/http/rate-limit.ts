import { ExecutionContext, Logger } from '@nestjs/common';
import { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request } from 'express';
import { hashApiKey } from '../auth/api-key.secret';
import { Env } from '../config/env';
import { RedisService } from '../queue/redis.service';

const WINDOW_MS = 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The bearer token a request carries, if any (whether it is a valid key is the auth guard's business). */
const bearer = (req: Request) => /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;

/**
 * Counts in Redis so the limit holds across every API process, and fails open: a Redis outage must not
 * take down an API whose data lives in Postgres.
 */
class FailOpenRedisStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: ThrottlerStorageRedisService;

  constructor(redis: RedisService) {
    this.redis = new ThrottlerStorageRedisService(redis.client);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.redis.increment(key, ttl, limit, blockDuration, name);
    } catch (err) {
      this.logger.warn(`Rate limit not enforced, Redis failed: ${(err as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

/**
 * Per API key for authenticated calls (the key's hash, so a flood is counted before any database lookup),
 * per client IP otherwise. Over the limit: 429 with `Retry-After`.
 */
export function rateLimitOptions(env: Env, redis: RedisService): ThrottlerModuleOptions {
  const request = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<Request>();
  return {
    throttlers: [
      {
        name: 'default',
        ttl: WINDOW_MS,
        limit: (ctx: ExecutionContext) => (bearer(request(ctx)) ? env.RATE_LIMIT_PER_KEY_PER_MINUTE : env.RATE_LIMIT_PER_IP_PER_MINUTE),
      },
    ],
    storage: new FailOpenRedisStorage(redis),
    getTracker: (req: Record<string, unknown>) => {
      const token = bearer(req as unknown as Request);
      return token ? `key:${hashApiKey(token)}` : `ip:${String((req as unknown as Request).ip)}`;
    },
    generateKey: (_ctx, tracker, name) => redis.key('ratelimit', name, tracker),
    errorMessage: 'Too many requests: retry after the number of seconds in Retry-After',
  };
}
