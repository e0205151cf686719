/**
 * What a developer writes against a client generated from /docs-json by openapi-typescript at its defaults.
 * The contract test generates `./api` next to this file and type-checks both under `tsc --strict`; it is
 * never run, so it only has to compile.
 */
import type { components, operations, paths } from './api';

type Schemas = components['schemas'];
type JsonBody<K extends keyof operations> = operations[K] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type JsonOk<K extends keyof operations> = operations[K]['responses'] extends infer R
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? (R[S] extends { content: { 'application/json': infer B } } ? B : never) : never }[keyof R]
  : never;

/** A typed call by operation id; the path comes from the document. */
declare function call<K extends keyof operations>(operationId: K, path: string, body?: JsonBody<K>): Promise<JsonOk<K>>;

export async function campaignFlow(templateId: string, groupId: string): Promise<void> {
  const contact: JsonBody<'upsertContact'> = {
    phone: '+14155552671',
    first_name: 'Ana',
    custom_fields: { order_id: 'ORD-1042', vip: true, visits: 3, referrer: null },
  };
  const saved = await call('upsertContact', '/api/v1/public/contacts', contact);
  const vip: string | number | boolean | null | undefined = saved.custom_fields.vip;

  const created: Schemas['CampaignResponseDto'] = await call('createCampaign', '/api/v1/public/campaigns', {
    name: 'Order shipped',
    template_id: templateId,
    variable_mapping: {
      body: { '1': { field: 'first_name', fallback: 'there' }, '2': 'custom_fields.order_id', '3': { value: 'MAY20' } },
      buttons: { '0': { '1': { field: 'custom_fields.tracking_path' } } },
    },
    audience: { groups: [groupId] },
  });
  // A PATCH sends only what changes.
  const renamed = await call('updateCampaign', `/api/v1/public/campaigns/${created.id}`, { name: 'Order shipped (v2)' });
  const running = await call('sendCampaign', `/api/v1/public/campaigns/${renamed.id}/send`);
  const sent: number = running.stats.sent + running.total_recipients + running.batch_size;
  const groups: string[] = running.audience.groups;

  const page = await call('listCampaignRecipients', `/api/v1/public/campaigns/${running.id}/recipients?status=failed`);
  for (const r of page.data) {
    const status: 'pending' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'skipped' = r.status;
    const firstName: string | undefined = r.variables?.['body.1'];
    void [status, firstName];
  }
  const next: string | null | undefined = page.next_cursor;

  const csvOperation: operations['exportCampaignRecipients']['responses'][200]['content']['text/csv'] = 'id,contact_id\r\n';

  const channel = await call('getChannel', '/api/v1/public/channels/x');
  const limit: 250 | 2000 | 10000 | 100000 | null | undefined = channel.messaging_limit;

  const template = await call('getTemplate', `/api/v1/public/templates/${templateId}`);
  const bodyText: string | undefined = template.components.find((c) => c.type === 'BODY')?.text;

  const coverage = await call('getCampaignFieldCoverage', `/api/v1/public/campaigns/${running.id}/audience/field-coverage`, { fields: ['email'] });
  const missing: number | undefined = coverage.coverage.email?.missing;

  const preview = await call('previewCampaignAudience', `/api/v1/public/campaigns/${running.id}/audience/preview`);
  const phones: string[] = preview.sample.map((c) => c.phone);

  const error: Schemas['ErrorResponseDto'] = { statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message: 'Invalid request: name' };
  const details = Array.isArray(error.details) ? error.details.map((d) => d.field) : error.details?.campaign_ids;

  const webhookAck: JsonOk<'receiveWhatsAppWebhook'> = { statuses: 1, template_updates: 0 };
  const security: paths['/api/v1/public/webhooks/whatsapp']['post'] = {} as operations['receiveWhatsAppWebhook'];
  void [vip, sent, groups, next, csvOperation, limit, bodyText, missing, phones, details, webhookAck, security];
}
