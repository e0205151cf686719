import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/composition';
import { WorkspacesService } from '@app/platform';

/**
 * Seeds a demo workspace wired to the local sandbox (idempotent: reuses .run/demo.json), so a newcomer
 * can run a campaign end to end with no Meta account.
 */
const API = `http://127.0.0.1:${process.env.PORT ?? 3000}/api/v1/public`;
const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 3900}`;
const STATE = '.run/demo.json';

async function call(key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function main() {
  if (existsSync(STATE)) {
    const saved = JSON.parse(readFileSync(STATE, 'utf8'));
    const ok = await fetch(`${API}/campaigns?limit=1`, { headers: { authorization: `Bearer ${saved.api_key}` } });
    if (ok.status === 200) return print(saved);
  }
  process.env.LOG_LEVEL = 'warn';
  const app = await NestFactory.createApplicationContext(AppModule.register({ http: false, workers: false }), { logger: ['error'] });
  const svc = app.get(WorkspacesService);
  const ws = await svc.createWorkspace('Demo');
  const { key } = await svc.createApiKey(ws.id, ['*'], 'demo');
  await app.close();

  const channel = await call(key, 'POST', '/channels', {
    name: 'Sandbox number',
    phone_number_id: process.env.SANDBOX_PHONE_NUMBER_ID ?? '100000000000001',
    waba_id: process.env.SANDBOX_WABA_ID ?? '200000000000001',
    access_token: process.env.SANDBOX_ACCESS_TOKEN ?? 'sandbox-token',
    app_secret: process.env.SANDBOX_APP_SECRET ?? 'sandbox-secret',
    api_base_url: SANDBOX,
    messages_per_second: 80,
  });
  const synced = await call(key, 'POST', '/templates/sync', { channel_id: channel.id });
  const template = synced.templates.find((t: { name: string }) => t.name === 'order_update') ?? synced.templates[0];
  const group = await call(key, 'POST', '/groups', { name: 'Demo customers' });
  const contacts = Array.from({ length: 200 }, (_, i) => ({
    phone: `+1202555${String(1000 + i).padStart(4, '0')}`,
    first_name: `Customer${i}`,
    custom_fields: { order_id: `ORD-${1000 + i}` },
  }));
  await call(key, 'POST', '/contacts/bulk', { contacts, group_ids: [group.id] });
  const campaign = await call(key, 'POST', '/campaigns', {
    name: 'Demo: order updates',
    template_id: template.id,
    variable_mapping: {
      body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' } },
    },
    audience: { groups: [group.id] },
  });
  const saved = { workspace_id: ws.id, api_key: key, channel_id: channel.id, template_id: template.id, group_id: group.id, campaign_id: campaign.id };
  mkdirSync('.run', { recursive: true });
  writeFileSync(STATE, JSON.stringify(saved, null, 2));
  print(saved);
}

function print(s: Record<string, string>) {
  console.log(`
Demo workspace ready (saved in ${STATE}):
  API key:      ${s.api_key}
  Campaign id:  ${s.campaign_id} (DRAFT, 200 contacts, sandbox channel)

Try it:
  export KEY=${s.api_key}
  curl -s -X POST -H "Authorization: Bearer $KEY" ${API}/campaigns/${s.campaign_id}/send
  curl -s -H "Authorization: Bearer $KEY" ${API}/campaigns/${s.campaign_id} | jq .stats
  curl -s "${SANDBOX}/__sandbox/stats" | jq '{accepted, recipients_messaged_more_than_once}'
Swagger UI: http://127.0.0.1:${process.env.PORT ?? 3000}/docs
`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
