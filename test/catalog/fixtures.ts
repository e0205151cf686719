import { randomBytes } from 'node:crypto';
import { API, TestApp, TestKey } from '../support/app';

export const uniqueId = () => String(BigInt(`0x${randomBytes(6).toString('hex')}`));

export const templateBody = (overrides: Record<string, unknown> = {}) => ({
  name: `order_shipped_${randomBytes(3).toString('hex')}`,
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}' },
    { type: 'BODY', text: 'Your order {{1}} ships on {{2}}.' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Stop' },
        { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
      ],
    },
  ],
  ...overrides,
});

export const channelBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Main number',
  phone_number_id: uniqueId(),
  waba_id: uniqueId(),
  access_token: `EAAG-token-${randomBytes(12).toString('hex')}`,
  app_secret: `app-secret-${randomBytes(12).toString('hex')}`,
  ...overrides,
});

export async function createTemplate(t: TestApp, k: TestKey, overrides: Record<string, unknown> = {}) {
  const res = await t.http().post(`${API}/templates`).set(k.auth).send(templateBody(overrides)).expect(201);
  return res.body;
}

export async function createChannel(t: TestApp, k: TestKey, overrides: Record<string, unknown> = {}) {
  const body = channelBody(overrides);
  const res = await t.http().post(`${API}/channels`).set(k.auth).send(body).expect(201);
  return { channel: res.body, secrets: { accessToken: body.access_token, appSecret: body.app_secret }, text: res.text };
}

/** The API's list order: created_at DESC, then id DESC (rows created within one millisecond tie on time). */
export function newestFirst<T extends { id: string; created_at: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
}
