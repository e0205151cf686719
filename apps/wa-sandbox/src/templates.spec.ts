import { checkSendComponents, declaredParams } from './templates';

const components = [
  { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
  { type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships {{3}}. Thanks {{1}}!' },
  { type: 'FOOTER', text: 'Reply STOP to opt out' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop' }, { type: 'URL', text: 'Track', url: 'https://x.test/t/{{1}}' }] },
];
const text = (t: string) => ({ type: 'text', text: t });

describe('declaredParams', () => {
  it('counts distinct placeholders per component and URL buttons by index', () => {
    const spec = declaredParams(components);
    expect(spec.header).toBe(1);
    expect(spec.body).toBe(3);
    expect([...spec.buttons]).toEqual([[1, 1]]);
  });

  it('needs one parameter for a media header and supports named placeholders', () => {
    const spec = declaredParams([{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Hi {{first_name}} {{ last_name }}' }]);
    expect(spec).toMatchObject({ header: 1, body: 2 });
  });
});

describe('checkSendComponents', () => {
  const spec = declaredParams(components);
  const valid = [
    { type: 'header', parameters: [text('A-1')] },
    { type: 'body', parameters: [text('Ann'), text('A-1'), text('today')] },
    { type: 'button', sub_type: 'url', index: '1', parameters: [text('A-1')] },
  ];

  it('accepts exactly the declared parameters and reports their values', () => {
    const res = checkSendComponents(spec, valid);
    expect(res).toEqual({ ok: true, parameters: { header: ['A-1'], body: ['Ann', 'A-1', 'today'], buttons: { '1': ['A-1'] } } });
  });

  it('answers 132000 when a component has too few or too many parameters', () => {
    const fewer = [valid[0], { type: 'body', parameters: [text('Ann')] }, valid[2]];
    expect(checkSendComponents(spec, fewer)).toMatchObject({ ok: false, code: 132000 });
    expect(checkSendComponents(spec, [valid[1], valid[2]])).toMatchObject({ ok: false, code: 132000 });
    expect(checkSendComponents(spec, [...valid, { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'x' }] }]))
      .toMatchObject({ ok: false, code: 132000 });
    expect(checkSendComponents(declaredParams([{ type: 'BODY', text: 'static' }]), undefined)).toMatchObject({ ok: true });
  });

  it('answers 132012 for a header parameter whose type does not match the header format', () => {
    const image = declaredParams([{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Hi' }]);
    const link = { link: 'https://cdn.example.com/a.png' };
    expect(checkSendComponents(image, [{ type: 'header', parameters: [{ type: 'image', image: link }] }])).toMatchObject({ ok: true, parameters: { header: [link.link] } });
    expect(checkSendComponents(image, [{ type: 'header', parameters: [{ type: 'video', video: link }] }])).toMatchObject({ ok: false, code: 132012 });
    expect(checkSendComponents(image, [{ type: 'header', parameters: [text('x')] }])).toMatchObject({ ok: false, code: 132012 });
    expect(checkSendComponents(image, [])).toMatchObject({ ok: false, code: 132000 });
    expect(checkSendComponents(spec, [{ type: 'header', parameters: [{ type: 'image', image: link }] }, valid[1], valid[2]])).toMatchObject({ ok: false, code: 132012 });
  });

  it('rejects values Meta rejects', () => {
    const withNewline = [valid[0], { type: 'body', parameters: [text('A\nB'), text('x'), text('y')] }, valid[2]];
    expect(checkSendComponents(spec, withNewline)).toMatchObject({ ok: false, code: 100 });
    const withSpaces = [valid[0], { type: 'body', parameters: [text('A     B'), text('x'), text('y')] }, valid[2]];
    expect(checkSendComponents(spec, withSpaces)).toMatchObject({ ok: false, code: 100 });
    const empty = [valid[0], { type: 'body', parameters: [text(''), text('x'), text('y')] }, valid[2]];
    expect(checkSendComponents(spec, empty)).toMatchObject({ ok: false, code: 131008 });
    expect(checkSendComponents(spec, 'nope')).toMatchObject({ ok: false, code: 100 });
  });
});
