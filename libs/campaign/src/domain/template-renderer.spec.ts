import { compileRenderer, sanitizeParameter } from './template-renderer';
import { validateVariableMapping } from './variable-mapping';

const template = {
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order for {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped. Code {{3}}.' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://t.example/{{1}}' }, { type: 'QUICK_REPLY', text: 'Stop' }] },
  ],
  variables: { header: ['1'], body: ['1', '2', '3'], buttons: { '0': ['1'] } },
};
const mapping = {
  header: { '1': 'first_name' },
  body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' }, '3': { value: 'MAY20' } },
  buttons: { '0': { '1': { field: 'custom_fields.tracking' } } },
};

describe('variable mapping validation', () => {
  it('accepts a complete mapping', () => {
    expect(validateVariableMapping(template, mapping)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = validateVariableMapping(template, {
      body: { '1': { field: 'nickname' }, '2': 42, '4': 'first_name' },
      buttons: { '1': { '1': 'email' } },
      footer: {},
    });
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['body.1', 'body.2', 'body.3', 'body.4', 'buttons.0.1', 'buttons.1', 'footer', 'header.1'].sort(),
    );
  });

  it('requires a mapping when the template has variables, and accepts none when it has none', () => {
    expect(validateVariableMapping(template, null)).toHaveLength(1);
    expect(validateVariableMapping({ variables: { header: [], body: [], buttons: {} }, components: [] }, null)).toEqual([]);
  });

  it('rejects value combined with field, empty values, and non-string fallbacks', () => {
    const problems = validateVariableMapping({ variables: { header: [], body: ['1', '2', '3'], buttons: {} }, components: [] }, {
      body: { '1': { value: 'x', field: 'email' }, '2': { value: '  ' }, '3': { field: 'email', fallback: 3 } },
    });
    expect(problems.map((p) => p.path)).toEqual(['body.1', 'body.2', 'body.3']);
  });
});

describe('template rendering', () => {
  const render = compileRenderer(template, mapping);

  it('renders Meta send components and the resolved preview', () => {
    const out = render({ first_name: 'Anurag', custom_fields: { order_id: 'ORD-1042', tracking: 'abc' } });
    expect(out.missing).toEqual([]);
    expect(out.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'Anurag' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Anurag' },
          { type: 'text', text: 'ORD-1042' },
          { type: 'text', text: 'MAY20' },
        ],
      },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'abc' }] },
    ]);
    expect(out.resolved[1]).toEqual({ type: 'BODY', text: 'Hi Anurag, your order ORD-1042 has shipped. Code MAY20.' });
    expect(out.resolved[3]).toMatchObject({ buttons: [{ url: 'https://t.example/abc' }, { text: 'Stop' }] });
    expect(out.variables).toMatchObject({ 'body.2': 'ORD-1042', 'buttons.0.1': 'abc' });
  });

  it('uses the fallback for an empty field and reports values that have none', () => {
    const out = render({ first_name: '  ', custom_fields: {} });
    expect(out.variables['body.1']).toBe('there');
    expect(out.missing.sort()).toEqual(['body.2', 'buttons.0.1', 'header.1']);
  });

  it('reads own properties only, never what the prototype chain holds', () => {
    const out = compileRenderer(
      { components: [{ type: 'BODY', text: '{{1}} {{2}} {{3}}' }], variables: { header: [], body: ['1', '2', '3'], buttons: {} } },
      { body: { '1': 'custom_fields.constructor', '2': 'custom_fields.__proto__', '3': { field: 'custom_fields.toString', fallback: 'x' } } },
    )({ first_name: 'A', custom_fields: { plan: 'gold' } });
    expect(out.variables).toEqual({ 'body.3': 'x' });
    expect(out.missing.sort()).toEqual(['body.1', 'body.2']);
  });

  it('makes values safe for Meta', () => {
    expect(sanitizeParameter('a\nb\t\tc      d')).toBe('a b c    d');
    expect(sanitizeParameter('x'.repeat(2000))).toHaveLength(1024);
  });
});

describe('field chains and per-recipient values', () => {
  const chained = { ...mapping, body: { ...mapping.body, '1': { field: ['custom_fields.nickname', 'first_name'], fallback: 'there' } } };

  it('takes the first field of a chain that has a value, then the fallback', () => {
    expect(validateVariableMapping(template, chained)).toEqual([]);
    const render = compileRenderer(template, chained);
    const base = { custom_fields: { order_id: 'A1', tracking: 'T' } };
    expect(render({ ...base, first_name: 'Ada', custom_fields: { ...base.custom_fields, nickname: 'Addie' } }).variables['body.1']).toBe('Addie');
    expect(render({ ...base, first_name: 'Ada' }).variables['body.1']).toBe('Ada');
    expect(render({ ...base, first_name: '  ' }).variables['body.1']).toBe('there');
  });

  it('refuses empty, long or unknown chains', () => {
    const at = (field: unknown) => validateVariableMapping(template, { ...mapping, body: { ...mapping.body, '1': { field } } }).map((p) => p.path);
    expect(at([])).toEqual(['body.1']);
    expect(at(['first_name', 'nickname'])).toEqual(['body.1']);
    expect(at(Array(6).fill('first_name'))).toEqual(['body.1']);
  });

  it('lets a recipient value win over the mapping, an empty one not', () => {
    const render = compileRenderer(template, mapping);
    const contact = { first_name: 'Ada', custom_fields: { order_id: 'A1', tracking: 'T' } };
    const msg = render(contact, { 'body.2': 'B-77', 'body.1': '', 'header.1': 'Lady\nAda' });
    expect(msg.variables).toMatchObject({ 'body.1': 'Ada', 'body.2': 'B-77', 'header.1': 'Lady Ada' });
    expect(msg.missing).toEqual([]);
  });
});

describe('media headers', () => {
  const doc = { components: [{ type: 'HEADER', format: 'DOCUMENT' }, { type: 'BODY', text: 'Your invoice' }], variables: { header: [], body: [], buttons: {} } };
  const media = (m: unknown) => ({ header: { media: m } });

  it('validates the asset: https only, link or field, filename only for documents', () => {
    expect(validateVariableMapping(doc, media({ link: 'https://f.example/a.pdf', filename: 'a.pdf' }))).toEqual([]);
    expect(validateVariableMapping(doc, media({ field: 'custom_fields.pdf', fallback: 'https://f.example/x.pdf', filename: { field: 'custom_fields.no' } }))).toEqual([]);
    const paths = (m: unknown) => validateVariableMapping(doc, m).map((p) => p.path);
    expect(paths(null)).toEqual(['header.media']);
    expect(paths(media({ link: 'http://f.example/a.pdf' }))).toEqual(['header.media.link']);
    expect(paths(media({ link: 'https://user:pw@f.example/a.pdf' }))).toEqual(['header.media.link']);
    expect(paths(media({ link: 'https://f.example/a.pdf', fallback: 'https://f.example/b.pdf' }))).toEqual(['header.media.fallback']);
    expect(paths(media({ field: 'custom_fields.pdf', filename: '' }))).toEqual(['header.media.filename']);
    const image = { ...doc, components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'x' }] };
    expect(validateVariableMapping(image, media({ link: 'https://f.example/a.png', filename: 'a.png' })).map((p) => p.path)).toEqual(['header.media.filename']);
  });

  it('renders Meta\'s header parameter, the preview component and the recorded variables', () => {
    const render = compileRenderer(doc, media({ field: 'custom_fields.pdf', filename: { field: 'custom_fields.no', fallback: 'invoice.pdf' } }));
    const out = render({ custom_fields: { pdf: ' https://f.example/1.pdf ', no: 'INV-1.pdf' } });
    expect(out.components).toEqual([{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://f.example/1.pdf', filename: 'INV-1.pdf' } }] }]);
    expect(out.resolved[0]).toEqual({ type: 'HEADER', format: 'DOCUMENT', link: 'https://f.example/1.pdf', filename: 'INV-1.pdf' });
    expect(out.variables).toEqual({ 'header.media': 'https://f.example/1.pdf', 'header.filename': 'INV-1.pdf' });
    expect(out.missing).toEqual([]);
    // A value Meta could not fetch over HTTPS is no value.
    expect(render({ custom_fields: { pdf: 'http://f.example/1.pdf' } }).missing).toEqual(['header.media']);
    expect(render({ custom_fields: { pdf: 'https://f.example/2.pdf' } }).variables['header.filename']).toBe('invoice.pdf');
  });
});
