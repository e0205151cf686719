import { API, TestApp, TestKey } from '../support/app';

let seq = 0;
/** A fresh valid Indian mobile number in E.164 (unique within the test file). */
export const phone = () => `+9198${String(10_000_000 + seq++ * 7919).slice(-8)}`;

export async function createGroup(t: TestApp, k: TestKey, name = 'g'): Promise<string> {
  return (await t.http().post(`${API}/groups`).set(k.auth).send({ name }).expect(201)).body.id;
}

export async function createSource(t: TestApp, k: TestKey, name = 's'): Promise<string> {
  return (await t.http().post(`${API}/sources`).set(k.auth).send({ name }).expect(201)).body.id;
}

export async function createContact(t: TestApp, k: TestKey, body: Record<string, unknown> = {}): Promise<{ id: string; phone: string }> {
  return (await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: phone(), ...body }).expect(201)).body;
}
