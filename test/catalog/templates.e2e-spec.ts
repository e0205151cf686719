import { CommandBus, EventBus, ofType, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { ApplyTemplateStatusUpdateCommand, GetTemplateQuery, TemplateStatusChangedEvent } from '@app/catalog';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createChannel, createTemplate, newestFirst, templateBody, uniqueId } from './fixtures';

describe('templates (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  beforeAll(async () => {
    t = await createTestApp();
    k = await createWorkspaceKey(t, ['templates:read', 'templates:write', 'channels:write']);
  });
  afterAll(() => t.close());

  describe('POST /templates', () => {
    it('registers a template, APPROVED by default, with its variables derived from the components', async () => {
      const body = templateBody();
      const res = await t.http().post(`${API}/templates`).set(k.auth).send(body).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        meta_template_id: null,
        name: body.name,
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        status_reason: null,
        components: body.components,
        variables: { header: ['1'], body: ['1', '2'], buttons: { '1': ['1'] } },
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      expect(new Date(res.body.created_at).toISOString()).toBe(res.body.created_at);
    });

    it('keeps a given status and Meta id; a body-only template has no variables', async () => {
      const metaId = uniqueId();
      const res = await createTemplate(t, k, {
        status: 'PENDING',
        category: 'MARKETING',
        meta_template_id: metaId,
        components: [{ type: 'BODY', text: 'Hello there' }],
      });
      expect(res).toMatchObject({ status: 'PENDING', category: 'MARKETING', meta_template_id: metaId, variables: { header: [], body: [], buttons: {} } });
    });

    it('lists every invalid field of the request', async () => {
      const res = await t.http().post(`${API}/templates`).set(k.auth)
        .send({ name: 'Bad Name', language: 'english', category: 'PROMO', status: 'LIVE', meta_template_id: 'abc', components: 'x', extra: 1 })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['category', 'components', 'extra', 'language', 'meta_template_id', 'name', 'status'],
      );
      const missing = await t.http().post(`${API}/templates`).set(k.auth).send({}).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['category', 'components', 'language', 'name']);
    });

    it.each([
      ['{{0}}', [{ type: 'BODY', text: 'Hi {{0}}' }], 'components.0.text'],
      ['a gap', [{ type: 'BODY', text: '{{1}} and {{3}}' }], 'components.0.text'],
      ['a named placeholder', [{ type: 'BODY', text: 'Hi {{x}}' }], 'components.0.text'],
      ['unbalanced braces', [{ type: 'BODY', text: 'Hi {{1}' }], 'components.0.text'],
      ['a malformed header placeholder', [{ type: 'HEADER', format: 'TEXT', text: 'Hi {{name}}' }, { type: 'BODY', text: 'x' }], 'components.0.text'],
      ['no BODY', [{ type: 'FOOTER', text: 'bye' }], 'components'],
      ['no components', [], 'components'],
      ['two BODY components', [{ type: 'BODY', text: 'a' }, { type: 'BODY', text: 'b' }], 'components.1.type'],
      ['a BODY without text', [{ type: 'BODY' }], 'components.0.text'],
      ['an unknown component type', [{ type: 'BODY', text: 'a' }, { type: 'STICKER' }], 'components.1.type'],
      ['a component that is not an object', [{ type: 'BODY', text: 'a' }, 42], 'components.1'],
      ['a header without format', [{ type: 'HEADER', text: 'x' }, { type: 'BODY', text: 'a' }], 'components.0.format'],
      ['a footer placeholder', [{ type: 'BODY', text: 'a' }, { type: 'FOOTER', text: '{{1}}' }], 'components.1.text'],
      ['empty buttons', [{ type: 'BODY', text: 'a' }, { type: 'BUTTONS', buttons: [] }], 'components.1.buttons'],
      ['a URL placeholder before the end', [{ type: 'BODY', text: 'a' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'x', url: 'https://x.example/{{1}}/y' }] }], 'components.1.buttons.0.url'],
      ['a malformed URL placeholder', [{ type: 'BODY', text: 'a' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'x', url: 'https://x.example/{{a}}' }] }], 'components.1.buttons.0.url'],
    ])('400 INVALID_TEMPLATE for %s', async (_, components, path) => {
      const res = await t.http().post(`${API}/templates`).set(k.auth).send(templateBody({ components })).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'INVALID_TEMPLATE' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.any(String) })]));
    });

    it('reports every template problem at once', async () => {
      const res = await t.http().post(`${API}/templates`).set(k.auth)
        .send(templateBody({ components: [{ type: 'HEADER', format: 'TEXT', text: '{{0}}' }, { type: 'FOOTER', text: '{{1}}' }] }))
        .expect(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['components.0.text', 'components.1.text', 'components']);
    });

    it('409 for a second (name, language) or Meta id in the workspace; fine in another language or workspace', async () => {
      const first = await createTemplate(t, k, { meta_template_id: uniqueId() });
      const dup = await t.http().post(`${API}/templates`).set(k.auth).send(templateBody({ name: first.name })).expect(409);
      expect(dup.body).toMatchObject({ code: 'TEMPLATE_ALREADY_EXISTS', details: { name: first.name, language: 'en_US' } });
      const dupMeta = await t.http().post(`${API}/templates`).set(k.auth).send(templateBody({ meta_template_id: first.meta_template_id })).expect(409);
      expect(dupMeta.body.code).toBe('TEMPLATE_ALREADY_EXISTS');
      await createTemplate(t, k, { name: first.name, language: 'pt_BR' });
      const other = await createWorkspaceKey(t, ['templates:write']);
      await createTemplate(t, other, { name: first.name, meta_template_id: first.meta_template_id });
    });

    it('replays the first response for the same Idempotency-Key and registers once', async () => {
      const body = templateBody();
      const key = `tpl-${randomUUID()}`;
      const first = await t.http().post(`${API}/templates`).set(k.auth).set('Idempotency-Key', key).send(body).expect(201);
      const again = await t.http().post(`${API}/templates`).set(k.auth).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text);
      const rows = await t.app.get(DataSource).query(`SELECT id FROM templates WHERE workspace_id = $1 AND name = $2`, [k.workspaceId, body.name]);
      expect(rows).toHaveLength(1);
      const reused = await t.http().post(`${API}/templates`).set(k.auth).set('Idempotency-Key', key).send({ ...body, category: 'MARKETING' }).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('GET /templates', () => {
    let own: TestKey;
    const created: Array<{ id: string; name: string; status: string; created_at: string }> = [];
    beforeAll(async () => {
      own = await createWorkspaceKey(t, ['templates:read', 'templates:write']);
      for (const status of ['APPROVED', 'PAUSED', 'APPROVED', 'REJECTED', 'APPROVED']) created.push(await createTemplate(t, own, { status }));
    });

    it('lists the workspace templates newest first, paginated by cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { data: Array<{ id: string }>; next_cursor: string | null } } = await t.http()
          .get(`${API}/templates`).query({ limit: 2, ...(cursor && { cursor }) }).set(own.auth).expect(200);
        expect(res.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.data.map((d) => d.id));
        cursor = res.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual(newestFirst(created).map((c) => c.id));
    });

    it('filters by status (comma-separated), name and language', async () => {
      const approved = await t.http().get(`${API}/templates?status=APPROVED`).set(own.auth).expect(200);
      expect(approved.body.data).toHaveLength(3);
      const two = await t.http().get(`${API}/templates?status=paused,REJECTED`).set(own.auth).expect(200);
      expect(two.body.data.map((d: { status: string }) => d.status).sort()).toEqual(['PAUSED', 'REJECTED']);
      const byName = await t.http().get(`${API}/templates`).query({ name: created[1].name }).set(own.auth).expect(200);
      expect(byName.body).toEqual({ data: [expect.objectContaining({ id: created[1].id })], next_cursor: null });
      const byLanguage = await t.http().get(`${API}/templates?language=pt_BR`).set(own.auth).expect(200);
      expect(byLanguage.body.data).toEqual([]);
    });

    it('400 for an unknown status, a bad limit or cursor', async () => {
      expect((await t.http().get(`${API}/templates?status=LIVE`).set(own.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().get(`${API}/templates?limit=0`).set(own.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().get(`${API}/templates?limit=201`).set(own.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().get(`${API}/templates?cursor=nope`).set(own.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
    });

    it('gets one template by id; 404 for an unknown or a malformed id', async () => {
      const res = await t.http().get(`${API}/templates/${created[0].id}`).set(own.auth).expect(200);
      expect(res.body).toMatchObject({ id: created[0].id, name: created[0].name, variables: { body: ['1', '2'] } });
      const missing = await t.http().get(`${API}/templates/${randomUUID()}`).set(own.auth).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect((await t.http().get(`${API}/templates/not-a-uuid`).set(own.auth).expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('never shows another workspace its templates', async () => {
      const other = await createWorkspaceKey(t, ['templates:read', 'templates:write']);
      await t.http().get(`${API}/templates/${created[0].id}`).set(other.auth).expect(404);
      const list = await t.http().get(`${API}/templates`).set(other.auth).expect(200);
      expect(list.body).toEqual({ data: [], next_cursor: null });
      const byName = await t.http().get(`${API}/templates`).query({ name: created[0].name }).set(other.auth).expect(200);
      expect(byName.body.data).toEqual([]);
    });
  });

  describe('auth', () => {
    it('401 without a valid key', async () => {
      await t.http().get(`${API}/templates`).expect(401);
      await t.http().get(`${API}/templates/${randomUUID()}`).expect(401);
      await t.http().post(`${API}/templates`).send(templateBody()).expect(401);
      await t.http().post(`${API}/templates/sync`).send({ channel_id: randomUUID() }).expect(401);
      await t.http().get(`${API}/templates`).set('Authorization', 'Bearer nope').expect(401);
    });

    it('403 without the scope: reads need templates:read, writes templates:write', async () => {
      const reader = await createWorkspaceKey(t, ['templates:read']);
      const writer = await createWorkspaceKey(t, ['templates:write']);
      const res = await t.http().post(`${API}/templates`).set(reader.auth).send(templateBody()).expect(403);
      expect(res.body).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { missing: ['templates:write'] } });
      await t.http().post(`${API}/templates/sync`).set(reader.auth).send({ channel_id: randomUUID() }).expect(403);
      await t.http().get(`${API}/templates`).set(writer.auth).expect(403);
      await t.http().get(`${API}/templates/${randomUUID()}`).set(writer.auth).expect(403);
      await t.http().get(`${API}/templates`).set(reader.auth).expect(200);
    });
  });

  describe('GetTemplateQuery', () => {
    it('finds a template by our id or by Meta id, within the workspace only', async () => {
      const metaId = uniqueId();
      const tpl = await createTemplate(t, k, { meta_template_id: metaId });
      const queries = t.app.get(QueryBus);
      const byId = await queries.execute(new GetTemplateQuery(k.workspaceId, tpl.id));
      expect(byId).toEqual({
        id: tpl.id,
        metaTemplateId: metaId,
        name: tpl.name,
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        components: tpl.components,
        variables: { header: ['1'], body: ['1', '2'], buttons: { '1': ['1'] } },
      });
      expect(await queries.execute(new GetTemplateQuery(k.workspaceId, metaId))).toEqual(byId);
      const other = await createWorkspaceKey(t);
      expect(await queries.execute(new GetTemplateQuery(other.workspaceId, tpl.id))).toBeNull();
      expect(await queries.execute(new GetTemplateQuery(other.workspaceId, metaId))).toBeNull();
      expect(await queries.execute(new GetTemplateQuery(k.workspaceId, randomUUID()))).toBeNull();
      expect(await queries.execute(new GetTemplateQuery(k.workspaceId, 'not-a-template'))).toBeNull();
    });
  });

  describe('ApplyTemplateStatusUpdateCommand', () => {
    let events: TemplateStatusChangedEvent[];
    let sub: Subscription;
    beforeEach(() => {
      events = [];
      sub = t.app.get(EventBus).pipe(ofType(TemplateStatusChangedEvent)).subscribe((e) => events.push(e));
    });
    afterEach(() => sub.unsubscribe());

    const status = async (key: TestKey, id: string) =>
      (await t.http().get(`${API}/templates/${id}`).set(key.auth).expect(200)).body as { status: string; status_reason: string | null; meta_template_id: string | null };

    it('updates the templates of the given workspaces only, by Meta id or else name and language, and publishes each change', async () => {
      const wabaId = uniqueId();
      const metaId = uniqueId();
      const [a, b, outsider] = await Promise.all([1, 2, 3].map(() => createWorkspaceKey(t)));
      await createChannel(t, a, { waba_id: wabaId });
      await createChannel(t, b, { waba_id: wabaId });
      await createChannel(t, outsider, { waba_id: uniqueId() });
      const ta = await createTemplate(t, a, { name: 'promo_may', meta_template_id: metaId });
      const tb = await createTemplate(t, b, { name: 'promo_may' });
      const tbOtherLanguage = await createTemplate(t, b, { name: 'promo_may', language: 'es' });
      const tOutsider = await createTemplate(t, outsider, { name: 'promo_may', meta_template_id: metaId });

      const commands = t.app.get(CommandBus);
      const owners = [a.workspaceId, b.workspaceId];
      const result = await commands.execute(new ApplyTemplateStatusUpdateCommand(owners, Number(metaId), 'promo_may', 'en_US', 'PAUSED', 'LOW_QUALITY', new Date()));
      const expected = [
        { workspaceId: a.workspaceId, templateId: ta.id, status: 'PAUSED', reason: 'LOW_QUALITY' },
        { workspaceId: b.workspaceId, templateId: tb.id, status: 'PAUSED', reason: 'LOW_QUALITY' },
      ];
      const byTemplate = (x: { templateId: string }, y: { templateId: string }) => x.templateId.localeCompare(y.templateId);
      const matchers = [...expected].sort(byTemplate).map((e) => expect.objectContaining(e));
      expect([...result].sort(byTemplate)).toEqual(matchers);
      expect([...events].sort(byTemplate)).toEqual(matchers);
      expect(events.every((e) => e instanceof TemplateStatusChangedEvent)).toBe(true);

      expect(await status(a, ta.id)).toMatchObject({ status: 'PAUSED', status_reason: 'LOW_QUALITY' });
      // Registered without a Meta id, it adopts the one Meta reported.
      expect(await status(b, tb.id)).toMatchObject({ status: 'PAUSED', meta_template_id: metaId });
      expect((await status(b, tbOtherLanguage.id)).status).toBe('APPROVED');
      expect((await status(outsider, tOutsider.id)).status).toBe('APPROVED');

      events.length = 0;
      expect(await commands.execute(new ApplyTemplateStatusUpdateCommand(owners, metaId, 'promo_may', 'en_US', 'PAUSED', 'LOW_QUALITY', new Date()))).toEqual([]);
      expect(events).toEqual([]);
    });

    it('maps Meta events to our statuses and ignores informational ones', async () => {
      const metaId = uniqueId();
      const w = await createWorkspaceKey(t);
      const tpl = await createTemplate(t, w, { meta_template_id: metaId });
      const commands = t.app.get(CommandBus);
      let second = 0;
      const apply = (event: string, reason: string | null = 'NONE') =>
        commands.execute(new ApplyTemplateStatusUpdateCommand([w.workspaceId], metaId, tpl.name, tpl.language, event, reason, new Date(Date.UTC(2026, 0, 1, 0, 0, ++second))));

      expect(await apply('FLAGGED')).toEqual([]);
      expect((await status(w, tpl.id)).status).toBe('APPROVED');
      expect(await apply('PENDING_DELETION')).toEqual([expect.objectContaining({ templateId: tpl.id, status: 'DISABLED', reason: null })]);
      expect(await status(w, tpl.id)).toMatchObject({ status: 'DISABLED', status_reason: null });
      expect(await apply('REINSTATED')).toEqual([expect.objectContaining({ status: 'APPROVED' })]);
      expect(await apply('REJECTED', 'INCORRECT_CATEGORY')).toEqual([expect.objectContaining({ status: 'REJECTED', reason: 'INCORRECT_CATEGORY' })]);
      expect(await apply('APPROVED')).toEqual([expect.objectContaining({ status: 'APPROVED' })]);
      expect(await commands.execute(new ApplyTemplateStatusUpdateCommand([], metaId, tpl.name, tpl.language, 'PAUSED', null, new Date()))).toEqual([]);
      expect(events.map((e) => e.status)).toEqual(['DISABLED', 'APPROVED', 'REJECTED', 'APPROVED']);
    });

    it('never lets an older event undo a newer one (a replayed APPROVED after a PAUSED)', async () => {
      const metaId = uniqueId();
      const w = await createWorkspaceKey(t);
      const tpl = await createTemplate(t, w, { meta_template_id: metaId });
      const commands = t.app.get(CommandBus);
      const apply = (event: string, at: string) =>
        commands.execute(new ApplyTemplateStatusUpdateCommand([w.workspaceId], metaId, tpl.name, tpl.language, event, null, new Date(at)));
      expect(await apply('PAUSED', '2026-05-01T10:00:00Z')).toHaveLength(1);
      expect(await apply('APPROVED', '2026-05-01T09:00:00Z')).toEqual([]);
      expect((await status(w, tpl.id)).status).toBe('PAUSED');
      expect(await apply('APPROVED', '2026-05-01T11:00:00Z')).toHaveLength(1);
      expect((await status(w, tpl.id)).status).toBe('APPROVED');
    });
  });
});
