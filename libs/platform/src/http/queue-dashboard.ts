import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { watchedQueues } from '../metrics/metrics';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The read-only Bull dashboard, behind `ADMIN_TOKEN` (a separate secret from API keys: it shows every
 * workspace's jobs). Browsers are asked for Basic credentials (any user, the token as password); scripts may
 * send `Authorization: Bearer <token>`.
 */
export function mountQueueDashboard(app: INestApplication, adminToken: string): void {
  const expected = digest(adminToken);
  const authorised = (header: string | undefined): boolean => {
    const [scheme, value = ''] = (header ?? '').split(' ', 2);
    const given = /^basic$/i.test(scheme) ? Buffer.from(value, 'base64').toString().split(':').slice(1).join(':') : /^bearer$/i.test(scheme) ? value : null;
    return given !== null && timingSafeEqual(digest(given), expected);
  };
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  // @bull-board/express 9.10.1 pins its own copy of @bull-board/api (9.10.2 here): same shape, distinct declarations.
  const serverAdapter = adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: watchedQueues().map((q) => new BullAdapter(q, { readOnlyMode: true })), serverAdapter });
  app.use(QUEUE_DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (authorised(req.headers.authorization)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"');
    res.status(401).json({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHORIZED', message: 'The queue dashboard needs the admin token' });
  }, adapter.getRouter());
}
