import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsModule, analyticsMigrations } from '@app/analytics';
import { AudienceModule, audienceMigrations, AudienceWorkerModule } from '@app/audience';
import { CampaignModule, campaignMigrations } from '@app/campaign';
import { CatalogModule, catalogMigrations } from '@app/catalog';
import { DispatchModule, dispatchMigrations, DispatchWorkerModule } from '@app/dispatch';
import { OPENAPI_METADATA, PlatformHttpModule, PlatformModule, platformMigrations, WorkerHttpServer } from '@app/platform';
import { WebhooksModule, webhooksMigrations, WebhooksWorkerModule } from '@app/webhooks';
import openApiMetadata from './openapi-metadata';

/**
 * The composition root: the one place that knows every module. A new module registers its Nest module,
 * its worker module (queue processors) and its migrations here.
 */
export const ALL_MIGRATIONS: Function[] = [...platformMigrations, ...campaignMigrations, ...audienceMigrations, ...analyticsMigrations, ...catalogMigrations, ...dispatchMigrations, ...webhooksMigrations];

// In any order: literal routes are tried before parameterised ones (`preferLiteralRoutes`), so GET
// /webhooks/whatsapp (dispatch) is never taken for GET /webhooks/:id (webhooks).
const DOMAIN_MODULES = [WebhooksModule, CampaignModule, AudienceModule, AnalyticsModule, CatalogModule, DispatchModule];

/** Queue processors; only the worker process (or the API in single-process mode) loads them. */
const WORKER_MODULES: DynamicModule['imports'] = [DispatchWorkerModule, WebhooksWorkerModule, AudienceWorkerModule];

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
      // A worker without the API gets its own small port for probes and scrapes.
      providers: http ? [{ provide: OPENAPI_METADATA, useValue: openApiMetadata }] : workers ? [WorkerHttpServer] : [],
    };
  }
}
