import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { recordOutboxEvents } from '@app/platform';
import type { TestApp } from '../support/app';

export interface ReceivedRequest {
  headers: Record<string, string>;
  body: string;
  json: { id: string; type: string; created_at: string; data: any };
}

/** Decides the answer to the n-th request (0-based): a status, optionally with headers. */
export type Responder = (n: number, req: ReceivedRequest) => number | { status: number; headers?: Record<string, string> };

/** A real HTTP receiver on 127.0.0.1 that records every request it gets. */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  private server: Server | null = null;
  port = 0;

  constructor(private responder: Responder = () => 200) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  /** Listens on `port` (0: any free port; a fixed one to come back up where endpoints point). */
  async start(port = this.port): Promise<this> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const r: ReceivedRequest = { headers, body, json: JSON.parse(body) };
        const answer = this.responder(this.received.length, r);
        this.received.push(r);
        const { status, headers: extra } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
        res.writeHead(status, extra).end();
      });
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Event types received, in arrival order. */
  types(): string[] {
    return this.received.map((r) => r.json.type);
  }
}

/** Polls `check` until it returns a truthy value, failing with the last seen state after the deadline. */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function waitFor<T>(check: () => Promise<T> | T, opts: { timeoutMs?: number; what?: string } = {}): Promise<Truthy<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what ?? 'condition'}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const LIFECYCLE = ['campaign.created', 'campaign.scheduled', 'campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed'];

/**
 * Records campaign events as the campaign module does: outbox rows with payload `{campaign}`, one
 * transaction per state change, or all in one (`together`) when a test needs them fanned out by the
 * same relay batch.
 */
export async function recordCampaignEvents(db: DataSource | TestApp, workspaceId: string, types: string[], { together = false } = {}) {
  const ds = db instanceof DataSource ? db : db.app.get(DataSource);
  const campaignId = randomUUID();
  const events = types.map((type, i) => ({ workspaceId, type, aggregateId: campaignId, payload: { campaign: { id: campaignId, name: 'Spring sale', status: type, step: i } } }));
  for (const batch of together ? [events] : events.map((e) => [e])) await ds.transaction((m) => recordOutboxEvents(m, batch));
  return campaignId;
}
