import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsModule, analyticsMigrations } from '@app/analytics';
import { CampaignModule, campaignMigrations } from '@app/campaign';
import { PlatformHttpModule, PlatformModule, platformMigrations } from '@app/platform';

/**
 * The composition root: the one place that knows every module. A new module registers its Nest module,
 * its worker module (queue processors) and its migrations here.
 */
export const ALL_MIGRATIONS: Function[] = [...platformMigrations, ...campaignMigrations, ...analyticsMigrations];

const DOMAIN_MODULES = [CampaignModule, AnalyticsModule];

/** Queue processors; only the worker process (or the API in single-process mode) loads them. */
const WORKER_MODULES: DynamicModule['imports'] = [];

export interface AppModuleOptions {
  http: boolean;
  workers: boolean;
}

@Module({})
export class AppModule {
  static register({ http, workers }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ migrations: ALL_MIGRATIONS }),
        ...DOMAIN_MODULES,
        ...(http ? [PlatformHttpModule] : []),
        ...(workers ? WORKER_MODULES! : []),
      ],
    };
  }
}
