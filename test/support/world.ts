import { createSandbox, Sandbox, SandboxOptions } from '../../apps/wa-sandbox/src/sandbox';
import { SandboxStats } from '../../apps/wa-sandbox/src/sandbox-store';
import { API, createWorkspaceKey, TestApp, TestKey } from './app';
import { killHard, startSandboxProcess } from './worker-process';

export const SANDBOX_TOKEN = 'sandbox-token';
export const SANDBOX_SECRET = 'sandbox-secret';
export const PHONE_NUMBER_ID = '100000000000001';
export const WABA_ID = '200000000000001';

/** A template with header, body and URL-button variables, as Meta describes components. */
export const ORDER_TEMPLATE = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order for {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' },
    { type: 'FOOTER', text: 'Thanks for shopping' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://track.example/{{1}}' }] },
  ],
};

export const ORDER_MAPPING = {
  header: { '1': 'first_name' },
  body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' } },
  buttons: { '0': { '1': { field: 'custom_fields.order_id' } } },
};

export interface World {
  key: TestKey;
  sandbox: Sandbox;
  channelId: string;
  templateId: string;
  metaTemplateId: string;
  groupId: string;
  contacts: Array<{ id: string; phone: string }>;
}

/** +1 555 01xx xxxx style numbers that libphonenumber accepts as valid (US, 202 area code). */
export const phoneFor = (i: number) => `+1202555${String(i).padStart(4, '0')}`;

type WorldOptions = { contacts?: number; mps?: number; sandbox?: SandboxOptions; phoneOffset?: number; contactFields?: (i: number) => Record<string, unknown> };

/** What a sandbox must be configured with to serve a world's workspace (plus the world's own options). */
const WORLD_SANDBOX: SandboxOptions = {
  accessToken: SANDBOX_TOKEN,
  appSecret: SANDBOX_SECRET,
  phoneNumberId: PHONE_NUMBER_ID,
  wabaId: WABA_ID,
  statusDelayMs: 20,
  mps: 0,
  templates: [{ ...ORDER_TEMPLATE, status: 'APPROVED', waba_id: WABA_ID }],
};

/**
 * A workspace wired to an in-process Graph API sandbox: channel, approved template (registered in both),
 * and `contacts` contacts in one group. The sandbox posts its status webhooks to the app.
 */
export async function createWorld(t: TestApp, opts: WorldOptions = {}): Promise<World> {
  const sandbox = await createSandbox({ ...WORLD_SANDBOX, webhookUrl: `${t.url}${API}/webhooks/whatsapp`, ...opts.sandbox });
  const metaTemplateId = [...sandbox.state.templates.values()].find((x) => x.name === ORDER_TEMPLATE.name)!.id;
  return { sandbox, ...(await wireWorkspace(t, sandbox.url, metaTemplateId, opts)) };
}

/** A sandbox in a process of its own, read through its control API. */
export interface SandboxHost {
  url: string;
  stats(): Promise<SandboxStats>;
  /** When each accepted send reached the sandbox (ms since the epoch). */
  acceptedAt(): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * `createWorld` with the sandbox in a process of its own (`startSandboxProcess`): for tests whose timing the
 * sandbox must not share with the API's event loop. `latencyMs` and `mps` configure the sandbox.
 */
export async function createWorldWithSandboxProcess(
  t: TestApp,
  opts: Omit<WorldOptions, 'sandbox'> & { sandbox: { latencyMs: number; mps: number } },
): Promise<Omit<World, 'sandbox'> & { sandbox: SandboxHost }> {
  const { child, url } = await startSandboxProcess({
    SANDBOX_ACCESS_TOKEN: SANDBOX_TOKEN,
    SANDBOX_APP_SECRET: SANDBOX_SECRET,
    SANDBOX_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    SANDBOX_WABA_ID: WABA_ID,
    SANDBOX_STATUS_DELAY_MS: String(WORLD_SANDBOX.statusDelayMs),
    SANDBOX_TEMPLATES: JSON.stringify(WORLD_SANDBOX.templates),
    SANDBOX_WEBHOOK_URL: `${t.url}${API}/webhooks/whatsapp`,
    SANDBOX_LATENCY_MS: String(opts.sandbox.latencyMs),
    SANDBOX_MPS: String(opts.sandbox.mps),
  });
  const control = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}/__sandbox/${path}`);
    if (!res.ok) throw new Error(`sandbox ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const sandbox: SandboxHost = {
    url,
    stats: () => control<SandboxStats>('stats'),
    acceptedAt: async () => (await control<{ data: Array<{ accepted_at: string }> }>('messages')).data.map((m) => Date.parse(m.accepted_at)),
    close: () => killHard(child),
  };
  const templates = await control<{ data: Array<{ id: string; name: string }> }>('templates');
  const metaTemplateId = templates.data.find((x) => x.name === ORDER_TEMPLATE.name)!.id;
  return { sandbox, ...(await wireWorkspace(t, url, metaTemplateId, opts)) };
}

/** A workspace wired to the sandbox at `sandboxUrl` (configured with WORLD_SANDBOX), as `createWorld` describes. */
async function wireWorkspace(t: TestApp, sandboxUrl: string, metaTemplateId: string, opts: Omit<WorldOptions, 'sandbox'> = {}): Promise<Omit<World, 'sandbox'>> {
  const key = await createWorkspaceKey(t);
  const http = () => t.http().set(key.auth);
  const channel = await http()
    .post(`${API}/channels`)
    .send({
      name: 'sandbox',
      phone_number_id: PHONE_NUMBER_ID,
      waba_id: WABA_ID,
      access_token: SANDBOX_TOKEN,
      app_secret: SANDBOX_SECRET,
      api_base_url: sandboxUrl,
      messages_per_second: opts.mps ?? 1000,
    })
    .expect(201);
  const template = await http()
    .post(`${API}/templates`)
    .send({ ...ORDER_TEMPLATE, meta_template_id: metaTemplateId })
    .expect(201);
  const group = await http().post(`${API}/groups`).send({ name: 'customers' }).expect(201);
  const n = opts.contacts ?? 0;
  const contacts: World['contacts'] = [];
  for (let start = 0; start < n; start += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, n - start) }, (_, j) => {
      const i = start + j + (opts.phoneOffset ?? 0);
      return { phone: phoneFor(i), first_name: `Name${i}`, custom_fields: { order_id: `ORD-${i}` }, ...opts.contactFields?.(i) };
    });
    const res = await http().post(`${API}/contacts/bulk`).send({ contacts: rows, group_ids: [group.body.id] }).expect(200);
    expect(res.body.failed).toEqual([]);
  }
  if (n) {
    let cursor: string | null = null;
    do {
      const page: { body: { data: Array<{ id: string; phone: string }>; next_cursor: string | null } } = await http()
        .get(`${API}/contacts`)
        .query({ group_id: group.body.id, limit: 200, ...(cursor ? { cursor } : {}) })
        .expect(200);
      contacts.push(...page.body.data.map((c) => ({ id: c.id, phone: c.phone })));
      cursor = page.body.next_cursor;
    } while (cursor);
  }
  return { key, channelId: channel.body.id, templateId: template.body.id, metaTemplateId, groupId: group.body.id, contacts };
}

/** Polls `fn` until it returns a truthy value or the deadline passes (then fails with the last value). */
export async function eventually<T>(fn: () => Promise<T>, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
