import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';

type RouteLayer = { route?: { path: unknown } };

const parameters = (layer: RouteLayer) => (String(layer.route!.path).match(/[:*]/g) ?? []).length;

/**
 * Express tries routes in the order modules registered them, so `GET /webhooks/:id` (webhooks) would answer
 * `GET /webhooks/whatsapp` (dispatch) if its module came first. Routes are re-ordered, fewest parameters
 * first (stable otherwise), so a literal path wins over a parameterised one of the same shape whatever the
 * module order; middleware keeps its place. Run once the app registered its routes (after `init`).
 */
export function preferLiteralRoutes(app: INestApplication): void {
  const stack = (app.getHttpAdapter().getInstance() as Express & { router: { stack: RouteLayer[] } }).router.stack;
  const slots = stack.flatMap((layer, i) => (layer.route ? [i] : []));
  const ordered = slots.map((i) => stack[i]).sort((a, b) => parameters(a) - parameters(b));
  slots.forEach((slot, k) => (stack[slot] = ordered[k]));
}
