import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ControlApi } from './control-api';
import { GraphApi } from './graph-api';
import { HttpError, sendJson } from './http-io';
import { SandboxOptions, SandboxState, SandboxStore } from './sandbox-store';

export type { AcceptedMessage, SandboxConfig, SandboxNumber, SandboxOptions, SandboxState, SandboxStats, TemplateInput } from './sandbox-store';

export interface Sandbox {
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/**
 * Connections waiting to be accepted. Node's default (511) overflows when a worker opens hundreds of
 * sockets at once while this process is busy: the kernel then drops handshakes, and the client sees
 * connect timeouts (and late sends) that Meta's edge never causes. Linux caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

/**
 * An in-memory stand-in for Meta's WhatsApp Cloud API that speaks the same HTTP contract (sends,
 * template listing, signed status webhooks) plus a `/__sandbox` control API for tests and demos.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = new SandboxServer(options);
  return sandbox.listen(options.port ?? 0, options.host ?? '127.0.0.1');
}

class SandboxServer {
  private readonly store: SandboxStore;
  private readonly graph: GraphApi;
  private readonly controlApi: ControlApi;
  private readonly server: Server;

  constructor(options: SandboxOptions) {
    this.store = new SandboxStore(options);
    this.graph = new GraphApi(this.store);
    this.controlApi = new ControlApi(this.store);
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  listen(port: number, host: string): Promise<Sandbox> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
        const addr = this.server.address() as AddressInfo;
        resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`, port: addr.port, state: this.store, close: () => this.close() });
      });
    });
  }

  async close(): Promise<void> {
    this.graph.close();
    await this.store.webhooks.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      try {
        if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
        this.route(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      } catch (err) {
        if (err instanceof HttpError) sendJson(res, err.status, { error: { message: err.message } });
        else sendJson(res, 500, { error: { message: String(err?.message ?? err) } });
      }
    });
  }

  private route(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    const parts = path.split('/');
    if (parts[1] === '__sandbox') return this.controlApi.handle(req.method ?? 'GET', parts.slice(2), query, body, res);
    return this.graph.handle(req, res, parts, query, body);
  }
}
