import { ServerResponse } from 'node:http';
import { HttpError, sendJson } from './http-io';
import { digitsOnly, parseScenario, Scenario } from './scenarios';
import { AcceptedMessage, SandboxNumber, SandboxStore, TEMPLATE_STATUSES } from './sandbox-store';
import { SandboxTemplate } from './templates';

/** `/__sandbox/*`: lets tests and demos reset, configure, seed and inspect the sandbox. */
export class ControlApi {
  constructor(private readonly store: SandboxStore) {}

  handle(method: string, parts: string[], query: URLSearchParams, raw: Buffer, res: ServerResponse): void {
    const body = () => {
      if (!raw.length) return {};
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch {
        throw new HttpError(400, 'body is not valid JSON');
      }
    };
    const bad = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        if (err instanceof HttpError) throw err;
        throw new HttpError(400, err.message);
      }
    };
    const [resource, id, sub] = parts;
    const route = `${method} ${resource ?? ''}${id !== undefined ? '/:id' : ''}${sub !== undefined ? `/${sub}` : ''}`;
    switch (route) {
      case 'POST reset':
        this.store.reset();
        return sendJson(res, 200, { ok: true });
      case 'GET config':
        return sendJson(res, 200, this.store.config);
      case 'PUT config':
        bad(() => this.store.updateConfig(body()));
        return sendJson(res, 200, this.store.config);
      case 'GET scenarios':
        return sendJson(res, 200, { data: this.store.scenarios });
      case 'POST scenarios': {
        const input = body();
        const added: Scenario[] = [];
        bad(() => {
          for (const s of Array.isArray(input) ? input : [input]) added.push(parseScenario(s, this.store.scenarioId()));
        });
        this.store.scenarios.push(...added);
        return sendJson(res, 201, Array.isArray(input) ? { data: added } : added[0]);
      }
      case 'DELETE scenarios':
        this.store.scenarios = [];
        return sendJson(res, 200, { ok: true });
      case 'DELETE scenarios/:id':
        this.store.scenarios = this.store.scenarios.filter((s) => s.id !== id);
        return sendJson(res, 200, { ok: true });
      case 'GET templates':
        return sendJson(res, 200, { data: [...this.store.templates.values()].map(publicTemplate) });
      case 'POST templates': {
        let t!: SandboxTemplate;
        bad(() => (t = this.store.addTemplate(body())));
        return sendJson(res, 201, publicTemplate(t));
      }
      case 'POST templates/:id/status': {
        const t = this.store.templates.get(id);
        if (!t) throw new HttpError(404, `template ${id} not found`);
        const { status, reason } = body();
        if (typeof status !== 'string' || !TEMPLATE_STATUSES.has(status)) throw new HttpError(400, `status must be one of ${[...TEMPLATE_STATUSES].join(', ')}`);
        t.status = status;
        this.store.webhooks.sendChange(templateStatusChange(t, typeof reason === 'string' ? reason : 'NONE'));
        return sendJson(res, 200, publicTemplate(t));
      }
      case 'GET numbers':
        return sendJson(res, 200, { data: [...this.store.numbers.values()] });
      case 'POST numbers': {
        let n!: SandboxNumber;
        bad(() => (n = this.store.addNumber(body())));
        return sendJson(res, 201, n);
      }
      case 'GET messages': {
        const to = query.get('to');
        const digits = to ? digitsOnly(to) : undefined;
        const data = (digits ? this.store.messages.filter((m) => m.wa_id === digits) : this.store.messages).map(publicMessage);
        return sendJson(res, 200, { data });
      }
      case 'POST inbound': {
        let change!: Record<string, unknown>;
        bad(() => (change = inboundMessageChange(this.store, body())));
        this.store.webhooks.sendChange(change);
        return sendJson(res, 202, change);
      }
      case 'GET stats':
        // `?recipients=false`: the summary, without the parts that grow with every recipient messaged.
        return sendJson(res, 200, query.get('recipients') === 'false' ? this.store.summary() : this.store.stats());
      default:
        throw new HttpError(404, `no control route ${method} /__sandbox/${parts.join('/')}`);
    }
  }
}

function publicTemplate(t: SandboxTemplate): Omit<SandboxTemplate, 'params'> {
  const { params: _params, ...rest } = t;
  return rest;
}

function publicMessage(m: AcceptedMessage): Record<string, unknown> {
  return {
    id: m.id,
    to: m.to,
    wa_id: m.wa_id,
    phone_number_id: m.phone_number_id,
    template: m.template,
    parameters: m.parameters,
    biz_opaque_callback_data: m.biz_opaque_callback_data ?? null,
    accepted_at: new Date(m.accepted_at).toISOString(),
    status: m.status,
  };
}

let inboundSeq = 0;

/**
 * Meta's `messages` change for a reply a user sends to one of the sandbox's numbers: `{from, text}` for a
 * text message, `{from, button: {text, payload?}}` for a quick-reply button of a template;
 * `phone_number_id` picks the number (default: the first).
 */
export function inboundMessageChange(store: Pick<SandboxStore, 'numbers'>, input: Record<string, unknown>): Record<string, unknown> {
  const from = typeof input.from === 'string' ? digitsOnly(input.from) : '';
  if (!/^\d{7,15}$/.test(from)) throw new Error('from must be a phone number');
  const numberId = typeof input.phone_number_id === 'string' ? input.phone_number_id : [...store.numbers.keys()][0];
  const n = store.numbers.get(numberId);
  if (!n) throw new Error(`unknown phone_number_id ${numberId}`);
  const button = input.button as Record<string, unknown> | undefined;
  let content: Record<string, unknown>;
  if (typeof input.text === 'string') content = { type: 'text', text: { body: input.text } };
  else if (button && typeof button.text === 'string') content = { type: 'button', button: { text: button.text, payload: typeof button.payload === 'string' ? button.payload : button.text } };
  else throw new Error('give text or button.text');
  const now = Math.floor(Date.now() / 1000);
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: n.waba_id,
      changes: [{
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: n.display_phone_number, phone_number_id: n.phone_number_id },
          contacts: [{ profile: { name: 'Sandbox user' }, wa_id: from }],
          messages: [{ from, id: `wamid.inbound.${now}.${++inboundSeq}`, timestamp: String(now), ...content }],
        },
        field: 'messages',
      }],
    }],
  };
}

/** Meta's `message_template_status_update` change for a WABA. */
function templateStatusChange(t: SandboxTemplate, reason: string): Record<string, unknown> {
  return {
    entry: [{
      id: t.waba_id,
      time: Math.floor(Date.now() / 1000),
      changes: [{
        value: {
          event: t.status,
          message_template_id: Number(t.id),
          message_template_name: t.name,
          message_template_language: t.language,
          reason,
          message_template_category: t.category,
        },
        field: 'message_template_status_update',
      }],
    }],
    object: 'whatsapp_business_account',
  };
}
