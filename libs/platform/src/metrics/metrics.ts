import type { Queue } from 'bull';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * Process-wide metrics on prom-client's default registry, defined once per process (a registry refuses a
 * name twice, and tests boot several apps in one process). Modules define their own next to their code.
 */
collectDefaultMetrics();

const httpDuration = new Histogram({
  name: 'wace_http_request_duration_seconds',
  help: 'API requests by method, matched route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** Times every request under the route Express matched (its template, so ids don't make new series). */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  timeRequest(req, res);
  next();
}

/** Times one request; its route is the one given, or else the template Express matched by the time it finished. */
export function timeRequest(req: IncomingMessage & Partial<Pick<Request, 'route' | 'baseUrl'>>, res: ServerResponse, route?: string): void {
  const end = httpDuration.startTimer();
  res.once('finish', () => {
    end({ method: req.method ?? '', route: route ?? (req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched'), status: String(res.statusCode) });
  });
}

const queues = new Set<Queue>();

const jobFailures = new Counter({ name: 'wace_queue_job_failures_total', help: 'Jobs that failed in this process, per queue', labelNames: ['queue'] });

new Gauge({
  name: 'wace_queue_jobs',
  help: 'Jobs per queue and state (waiting, active, delayed, failed), as Redis holds them',
  labelNames: ['queue', 'state'],
  async collect() {
    this.reset();
    for (const q of queues) {
      // A queue of a closed app (tests boot several) is forgotten rather than asked.
      if ((q.client as { status?: string }).status === 'end') {
        queues.delete(q);
        continue;
      }
      const counts = await q.getJobCounts().catch(() => null);
      for (const [state, n] of Object.entries(counts ?? {})) if (state !== 'completed' && state !== 'paused') this.set({ queue: q.name, state }, n);
    }
  },
});

/** Exposes a Bull queue's depth and failures; its producer calls this once. Also lists it on the queue dashboard. */
export function watchQueue(queue: Queue): void {
  if (queues.has(queue)) return;
  queues.add(queue);
  queue.on('failed', () => jobFailures.inc({ queue: queue.name }));
}

/** The queues this process knows, live ones only. */
export function watchedQueues(): Queue[] {
  return [...queues].filter((q) => (q.client as { status?: string }).status !== 'end');
}

export const metricsRegistry = register;
