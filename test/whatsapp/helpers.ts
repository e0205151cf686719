import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  raw: Buffer;
  signature: string | undefined;
  body: any;
}

export interface StatusSeen {
  id: string;
  status: string;
  biz_opaque_callback_data?: string;
  errors?: Array<{ code: number }>;
}

/** A tiny callback endpoint that records what the sandbox posts; it can fail the first requests. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  url = '';
  failNext = 0;
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.failNext > 0) {
          this.failNext--;
          res.writeHead(500).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        this.received.push({ raw, signature: req.headers['x-hub-signature-256'] as string | undefined, body: JSON.parse(raw.toString('utf8')) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
    return this;
  }

  /** Every status in arrival order, duplicates included. */
  statuses(): StatusSeen[] {
    return this.received.flatMap((w) =>
      (w.body.entry ?? []).flatMap((e: any) => (e.changes ?? []).flatMap((c: any) => (c.field === 'messages' ? c.value.statuses ?? [] : []))),
    );
  }

  statusesOf(wamid: string): string[] {
    return this.statuses().filter((s) => s.id === wamid).map((s) => s.status);
  }

  templateUpdates(): any[] {
    return this.received.flatMap((w) =>
      (w.body.entry ?? []).flatMap((e: any) => (e.changes ?? []).filter((c: any) => c.field === 'message_template_status_update')),
    );
  }

  clear(): void {
    this.received.length = 0;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** Polls until the condition holds (the sandbox posts asynchronously). */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The structure of a JSON value: key names and value types, arrays described by their first element. */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

/** Calls the sandbox (control API or Graph routes) and returns status + parsed body. */
export async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
