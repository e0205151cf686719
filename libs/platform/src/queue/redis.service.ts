import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Env } from '../config/env';

/** One ioredis connection for rate limiting, locks and health checks; keys are namespaced by QUEUE_PREFIX. */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(env: Env) {
    this.client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.prefix = env.QUEUE_PREFIX;
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
