import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ErrorResponseDto } from './error-response.dto';

/** Where the swagger plugin puts a class's metadata (`@nestjs/swagger/dist/plugin/plugin-constants`). */
const METADATA_FACTORY_NAME = '_OPENAPI_METADATA_FACTORY';

/**
 * The swagger plugin's output (`nest-cli.json` runs it in `nest build`) as a generated module, so a process
 * that compiles without the plugin (ts-jest, ts-node) documents every field exactly as the built app does.
 * The composition root provides it; `npm run openapi:metadata` regenerates it.
 */
export const OPENAPI_METADATA = Symbol('OPENAPI_METADATA');
export type OpenApiMetadata = () => Promise<Record<string, any>>;

type Schema = Record<string, any>;
type Operation = {
  operationId?: string;
  tags?: string[];
  parameters?: Schema[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema; example?: unknown }> }>;
  security?: Array<Record<string, string[]>>;
};

const DESCRIPTION =
  'Schedule and run bulk WhatsApp template sends. Authenticate with `Authorization: Bearer <api key>` (create one with the ' +
  'admin CLI: `api-key:create`); every error has the shape `{statusCode, error, code, message, details?}`. Every POST accepts ' +
  '`Idempotency-Key`.\n\n' +
  'Trying it out: create a channel and a template first (or run `npm start`, which seeds both), then replace the ' +
  "`template_id`, `channel_id` and group ids of the examples with your own; the examples' ids are placeholders.\n\n" +
  'Personal data by scope: `contacts:read` reads contacts (phone, names, email, custom fields); `campaigns:read` reads ' +
  "recipients (phone numbers, rendered variables, delivery errors) of the workspace's campaigns; `campaigns:write` renders " +
  'previews, which show the mapped fields of one audience member. No other scope returns contact data.';

const TAG_DESCRIPTIONS: Record<string, string> = {
  Campaigns: 'Create, target and run campaigns: the lifecycle DRAFT → SCHEDULED → RUNNING → COMPLETED (or PAUSED, STOPPED, FAILED)',
  Analytics: "A campaign's recipients, errors, timeline and recounted stats",
  Contacts: 'Contacts (upsert by phone, bulk), opt-outs and custom fields',
  Groups: 'Named sets of contacts that campaigns target',
  Sources: 'Where contacts came from; campaigns can target a source',
  Templates: 'WhatsApp message templates, registered or synced from the WABA',
  Channels: 'WhatsApp sender numbers and their credentials',
  Webhooks: 'Outbound webhooks: campaign events signed per Standard Webhooks',
  'Inbound WhatsApp webhooks': "Meta's callbacks (authenticated by Meta's signature, not an API key)",
};

/** The code a status answers with when an endpoint's documentation names none. */
const DEFAULT_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'INSUFFICIENT_SCOPE',
  409: 'IDEMPOTENCY_KEY_IN_USE',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};
const CODE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

/** Builds the document from the controllers and makes it something a client generator takes as is. */
export function createOpenApiDocument(app: INestApplication, prefix: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('WhatsApp Campaign Engine')
    .setDescription(DESCRIPTION)
    .setVersion('1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'The server this document is served from')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: 'API key (from `npm run cli -- api-key:create`)' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  finishDocument(document, prefix);
  return document;
}

export async function setupSwagger(app: INestApplication, prefix: string): Promise<void> {
  const metadata = app.get<OpenApiMetadata | undefined>(OPENAPI_METADATA, { strict: false });
  // A build with the plugin has it compiled into every DTO already: only a plugin-less compile loads the module.
  if (metadata && !(METADATA_FACTORY_NAME in ErrorResponseDto)) await SwaggerModule.loadPluginMetadata(metadata);
  const document = createOpenApiDocument(app, prefix);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
    swaggerOptions: { persistAuthorization: true },
  });
}

function finishDocument(document: OpenAPIObject, prefix: string): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? schemas[s.$ref.split('/').pop()!] : s);
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      op.tags?.forEach((t) => tags.add(t));
      // Routes without an API key (Meta's callbacks) say so, instead of inheriting none and looking unauthenticated by omission.
      op.security ??= [];
      if (method === 'post' && op.security.length) addIdempotencyKey(op);
      // List filters take one comma-separated value (`status=failed,skipped`), which is form style without explode.
      for (const p of op.parameters ?? []) if (p.in === 'query' && p.schema?.type === 'array') Object.assign(p, { style: 'form', explode: false });
      for (const media of Object.values(op.requestBody?.content ?? {})) defaultsToText(resolve(media.schema), method === 'patch');
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) addErrorExample(Number(status), response, path.slice(prefix.length + 2));
      }
    }
  }
  document.tags = [...tags].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] }));
  walk(document, nullInEnums);
}

function addIdempotencyKey(op: Operation): void {
  op.parameters = [
    ...(op.parameters ?? []),
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      description: 'Same key and body within 24 h: the first response is replayed (Idempotent-Replayed: true); another body: 422; still in flight: 409',
    },
  ];
}

/**
 * Client generators read a `default` as "always present" (openapi-typescript makes the field required), which
 * is true of answers but not of requests: a request body's defaults are said in words instead. An omitted
 * PATCH field is left unchanged, so there the create-time default is not repeated at all.
 */
function defaultsToText(schema: Schema | undefined, patch: boolean): void {
  for (const property of Object.values<Schema>(schema?.properties ?? {})) {
    if (!('default' in property)) continue;
    if (!patch) property.description = [property.description, `Default: ${JSON.stringify(property.default)}.`].filter(Boolean).join('. ').replace('.. ', '. ');
    delete property.default;
  }
}

/** One example per error status, with the code an endpoint's documentation names first (or the status' usual one). */
function addErrorExample(status: number, response: Operation['responses'][string], path: string): void {
  const media = response.content?.['application/json'];
  if (!media) return;
  const named = CODE.exec(response.description ?? '')?.[0];
  const resource = path.split('/')[0].replace(/s$/, '').replace(/-/g, '_').toUpperCase();
  const code = named ?? (status === 404 ? `${resource}_NOT_FOUND` : (DEFAULT_CODES[status] ?? STATUS_CODES[status]!.toUpperCase().replace(/\W+/g, '_')));
  media.example = {
    statusCode: status,
    error: STATUS_CODES[status],
    code,
    message: response.description ?? code,
    ...(code === 'VALIDATION_FAILED' ? { details: [{ field: 'name', errors: ['name must be longer than or equal to 1 characters'] }] } : {}),
  };
}

/** A nullable enum lists null among its values, or validators built from the document refuse the null it allows. */
function nullInEnums(schema: Schema): void {
  if (schema.nullable && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
}

function walk(node: unknown, visit: (schema: Schema) => void): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) visit(node as Schema);
  for (const child of Object.values(node)) walk(child, visit);
}
