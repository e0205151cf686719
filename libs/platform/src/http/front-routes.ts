import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { BadRequestError } from '../errors/domain-error';
import { sendError } from '../errors/all-exceptions.filter';
import { timeRequest } from '../metrics/metrics';
import { bodyParserError, JSON_BODY_LIMIT } from './body-errors';
import { inspectBody } from './input-guard';

/** What a front route is given: the exact bytes received and their JSON, plus the request's headers. */
export interface FrontRequest {
  rawBody: Buffer;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export type FrontHandler = (req: FrontRequest) => Promise<unknown>;

/**
 * Requests handled at once; the rest wait, unread, in arrival order. Every request in progress adds its
 * callbacks to each turn of the event loop, which the API's other requests wait behind (at 128 in progress a
 * campaign GET took ~130 ms at p95 during a flood of single-status webhooks, at 48 ~65 ms), while the
 * statuses of those in progress are written together (at 16, 2,200 POSTs/s; at 32, 3,000–3,500; at 48,
 * 3,300–3,800 on two cores).
 */
const MAX_ACTIVE = 48;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * POST routes answered ahead of the HTTP stack (Express and its router, security headers, request logging and
 * ids, guards, interceptors, Nest's router): for machine-to-machine intake at thousands of requests a second
 * (Meta's status webhooks), where that stack cost more CPU than the work itself (Express's dispatch alone was
 * about 7 % of the API's CPU under a flood of single-status webhooks). Such a route authenticates its payload
 * itself (a signature) and answers JSON; the rest of the door is kept: the body limit, the JSON and
 * bad-character checks, the error shape, the request metrics. A request the lane does not take as it is
 * (not JSON, or a compressed body) goes on through the full stack to the route's controller.
 */
@Injectable()
export class FrontRoutes {
  private readonly routes = new Map<string, FrontHandler>();
  private active = 0;
  private readonly waiting: Array<() => Promise<void>> = [];

  /** `path` is the full path ("/api/v1/public/webhooks/whatsapp"), matched exactly. */
  post(path: string, handler: FrontHandler): void {
    this.routes.set(path, handler);
  }

  /** Puts the lane in front of the server's own request handler (the Express app), which gets the rest. */
  attach(server: Server): void {
    const stack = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!this.take(req, res)) for (const listener of stack) listener.call(server, req, res);
    });
  }

  /** Whether the request is the lane's (then it is answered here). */
  private take(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST' || !this.routes.size) return false;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const handler = this.routes.get(path);
    const encoding = req.headers['content-encoding'];
    if (!handler || !JSON_TYPE.test(req.headers['content-type'] ?? '') || (encoding && encoding.toLowerCase() !== 'identity')) return false;
    timeRequest(req, res, path);
    if (this.active < MAX_ACTIVE) void this.serve(req, res, handler);
    else this.waiting.push(() => this.serve(req, res, handler));
    return true;
  }

  private async serve(req: IncomingMessage, res: ServerResponse, handler: FrontHandler): Promise<void> {
    // Its sender hung up while it waited (a timeout, a shutdown): nobody to answer, nothing to apply.
    if (req.destroyed) return void this.waiting.shift()?.();
    this.active++;
    try {
      let rawBody: Buffer;
      try {
        rawBody = await getRawBody(req, { limit: JSON_BODY_LIMIT, length: req.headers['content-length'] });
      } catch (e) {
        throw bodyParserError(e) ?? e;
      }
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new BadRequestError('MALFORMED_JSON', 'Request body is not valid JSON');
      }
      const refused = inspectBody(body);
      if (refused) throw refused;
      const result = JSON.stringify(await handler({ rawBody, body, headers: req.headers }));
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(result) });
      res.end(result);
    } catch (e) {
      sendError(res, e);
    } finally {
      this.active--;
      void this.waiting.shift()?.();
    }
  }
}
