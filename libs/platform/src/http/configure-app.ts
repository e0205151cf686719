import { INestApplication, RequestMethod } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { json, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { Env } from '../config/env';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation';
import { bodyParserError, JSON_BODY_LIMIT } from './body-errors';
import { FrontRoutes } from './front-routes';
import { inputGuard } from './input-guard';
import { setupSwagger } from './openapi';
import { mountQueueDashboard } from './queue-dashboard';
import { preferLiteralRoutes } from './route-order';
import { httpMetrics } from '../metrics/metrics';

export const API_PREFIX = 'api/v1/public';
/** Paths served outside the API prefix (also reachable under it, see below). */
const UNPREFIXED = ['health/live', 'health/ready', 'metrics'];
const BULK_PATHS = [`/${API_PREFIX}/contacts/bulk`, `/${API_PREFIX}/campaigns/:id/recipients`];

export type RawBodyRequest = Request & { rawBody?: Buffer };

/**
 * Everything an HTTP app needs beyond its modules; shared by main.ts and the e2e tests so both serve
 * exactly the same API.
 */
export async function configureApp(app: INestApplication, opts: { swagger?: boolean } = {}): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const env = app.get(Env);
  const server: Server = app.getHttpServer();
  server.requestTimeout = env.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(env.HTTP_HEADERS_TIMEOUT_MS, env.HTTP_REQUEST_TIMEOUT_MS);
  (app.getHttpAdapter().getInstance() as Express).disable('x-powered-by');
  app.get(FrontRoutes).attach(server);
  // Before helmet: the dashboard's own page needs its inline scripts. Off without ADMIN_TOKEN.
  if (env.ADMIN_TOKEN) mountQueueDashboard(app, env.ADMIN_TOKEN);
  // Swagger UI is served over plain HTTP in development: upgrading its asset requests to HTTPS would break it.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const keepRaw = (req: RawBodyRequest, _res: Response, buf: Buffer) => {
    // Inbound webhook signatures are computed over the exact bytes received.
    req.rawBody = buf;
  };
  app.use((req: Request, _res: Response, next: NextFunction) => {
    // Operations endpoints also answer under the API prefix, where the API documents them alongside the rest.
    for (const p of UNPREFIXED) if (req.url === `/${API_PREFIX}/${p}`) req.url = `/${p}`;
    next();
  });
  app.use(BULK_PATHS, json({ limit: '10mb', verify: keepRaw }));
  app.use(json({ limit: JSON_BODY_LIMIT, verify: keepRaw }));
  app.use(urlencoded({ extended: false, limit: '1mb' }));
  // Nest would turn body-parser's errors into anonymous 400s; give them their stable codes first.
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyParserError(err) ?? err));
  app.use(httpMetrics);
  app.use(inputGuard);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED.map((path) => ({ path, method: RequestMethod.GET })) });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (opts.swagger !== false) await setupSwagger(app, API_PREFIX);
  await app.init();
  preferLiteralRoutes(app);
}
