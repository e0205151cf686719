import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './auth/access.guard';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyEntity } from './auth/database/api-key.entity';
import { WorkspaceEntity } from './auth/database/workspace.entity';
import { WorkspacesService } from './auth/workspaces.service';
import { PlatformConfigModule } from './config/config.module';
import { SecretBox } from './crypto/secret-box';
import { DatabaseModule, DatabaseModuleOptions } from './database/database.module';
import { HealthController } from './health/health.controller';
import { FrontRoutes } from './http/front-routes';
import { rateLimitOptions } from './http/rate-limit';
import { Env } from './config/env';
import { RedisService } from './queue/redis.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { LoggingModule } from './logging/logging.module';
import { MetricsController } from './metrics/metrics.controller';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { QueueModule } from './queue/queue.module';

const platformEntities = TypeOrmModule.forFeature([WorkspaceEntity, ApiKeyEntity, IdempotencyKeyEntity, OutboxEventEntity]);

/** What every process (api, worker, cli) shares: config, logs, Postgres, Redis/Bull, CQRS buses, secrets. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule,
        LoggingModule,
        DatabaseModule.forRoot(options),
        QueueModule,
        CqrsModule.forRoot(),
        platformEntities,
      ],
      providers: [SecretBox, WorkspacesService, FrontRoutes],
      exports: [SecretBox, WorkspacesService, FrontRoutes, CqrsModule, platformEntities],
    };
  }
}

/** The HTTP-only part: rate limits, auth guard, idempotency, health and metrics endpoints. */
@Module({
  imports: [TerminusModule, ThrottlerModule.forRootAsync({ inject: [Env, RedisService], useFactory: rateLimitOptions })],
  controllers: [HealthController, MetricsController],
  providers: [
    ThrottlerGuard,
    ApiKeyGuard,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class PlatformHttpModule {}
