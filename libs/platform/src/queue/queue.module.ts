import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { Env } from '../config/env';
import { RedisService } from './redis.service';

/** Bull on Redis with every key under QUEUE_PREFIX, plus a shared ioredis client for other uses. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        redis: env.REDIS_URL,
        prefix: env.QUEUE_PREFIX,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
  ],
  providers: [RedisService],
  exports: [RedisService, BullModule],
})
export class QueueModule {}
