import { DataSource } from 'typeorm';
import { API, createTestApp, TestApp } from './app';
import { createWorld, eventually, ORDER_MAPPING, World } from './world';

/** The campaign object as these tests read it. */
export type CampaignBody = {
  id: string;
  status: string;
  total_recipients: number;
  max_failure_rate: number | null;
  stats: Record<string, number>;
  pause_reason: string | null;
  failure_reason: string | null;
};

export type RecipientBody = { id: string; contact_id: string; phone_number: string; status: string; error_code: string | null; variables: Record<string, string> | null };

/** Campaign calls over HTTP as the world's workspace, on its template, mapping and group unless told otherwise. */
export function campaignApi(t: TestApp, w: World) {
  const http = () => t.http().set(w.key.auth);
  const get = async (id: string) => (await http().get(`${API}/campaigns/${id}`).expect(200)).body as CampaignBody;
  const create = (body: Record<string, unknown> = {}) =>
    http()
      .post(`${API}/campaigns`)
      .send({ name: 'c', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, ...body });
  return {
    http,
    /** The create request, to assert on; `created` when it must succeed. */
    create,
    created: async (body: Record<string, unknown> = {}) => (await create(body).expect(201)).body as CampaignBody,
    action: (id: string, action: string, body?: object) => http().post(`${API}/campaigns/${id}/${action}`).send(body),
    get,
    until: (id: string, pred: (c: CampaignBody) => boolean, what: string, timeoutMs = 60_000) =>
      eventually(async () => {
        const c = await get(id);
        return pred(c) ? c : null;
      }, { timeoutMs, what }),
    /** Every recipient of the campaign, page after page. */
    recipients: async (id: string) => {
      const all: RecipientBody[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: RecipientBody[]; next_cursor: string | null } } = await http()
          .get(`${API}/campaigns/${id}/recipients`)
          .query({ limit: 200, ...(cursor ? { cursor } : {}) })
          .expect(200);
        all.push(...page.body.data);
        cursor = page.body.next_cursor;
      } while (cursor);
      return all;
    },
  };
}

/** Worlds made by one test file, each with its own sandbox, closed together at the end. */
export function worldPool(t: () => TestApp) {
  const worlds: World[] = [];
  return {
    create: async (opts: Parameters<typeof createWorld>[1]) => {
      const w = await createWorld(t(), opts);
      worlds.push(w);
      return w;
    },
    closeAll: async () => {
      for (const w of worlds) await w.sandbox.close();
    },
  };
}

/**
 * A describe block's API with queue processors (and `env`), its worlds, and campaign calls; everything is
 * closed after the block.
 */
export function engineSuite(env: Record<string, string> = {}) {
  let t: TestApp;
  const worlds = worldPool(() => t);
  beforeAll(async () => {
    t = await createTestApp({ workers: true, env });
  });
  afterAll(async () => {
    await worlds.closeAll();
    await t.close();
  });
  return {
    get app() {
      return t;
    },
    get db() {
      return t.app.get(DataSource);
    },
    world: worlds.create,
    api: (w: World) => campaignApi(t, w),
  };
}
