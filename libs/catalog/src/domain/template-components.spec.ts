import { analyzeComponents } from './template-components';

const body = (text: string) => ({ type: 'BODY', text });

describe('analyzeComponents', () => {
  it('derives header, body and URL-button placeholders', () => {
    const result = analyzeComponents([
      { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}' },
      body('Your order {{1}} ships on {{2}}'),
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Stop' },
          { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
          { type: 'URL', text: 'Shop', url: 'https://shop.example' },
          { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550001111' },
        ],
      },
    ]);
    expect(result).toEqual({ problems: [], variables: { header: ['1'], body: ['1', '2'], buttons: { '1': ['1'] } } });
  });

  it('accepts a body alone, media headers and lower-case types', () => {
    expect(analyzeComponents([body('Hello')])).toEqual({ problems: [], variables: { header: [], body: [], buttons: {} } });
    expect(analyzeComponents([{ type: 'header', format: 'image' }, { type: 'body', text: 'x {{1}}' }]).variables.body).toEqual(['1']);
  });

  it.each([
    ['not an array', { type: 'BODY' }, 'components'],
    ['empty', [], 'components'],
    ['no body', [{ type: 'FOOTER', text: 'x' }], 'components'],
    ['body without text', [{ type: 'BODY' }], 'components.0.text'],
    ['blank body', [body('  ')], 'components.0.text'],
    ['too long body', [body('x'.repeat(1025))], 'components.0.text'],
    ['two bodies', [body('a'), body('b')], 'components.1.type'],
    ['unknown type', [body('a'), { type: 'CAROUSEL' }], 'components.1.type'],
    ['component not an object', [body('a'), 'HEADER'], 'components.1'],
    ['header without format', [{ type: 'HEADER', text: 'x' }, body('a')], 'components.0.format'],
    ['text header without text', [{ type: 'HEADER', format: 'TEXT' }, body('a')], 'components.0.text'],
    ['header with two placeholders', [{ type: 'HEADER', format: 'TEXT', text: '{{1}} {{2}}' }, body('a')], 'components.0.text'],
    ['malformed body placeholder', [body('Hi {{x}}')], 'components.0.text'],
    ['body placeholder gap', [body('{{1}} {{3}}')], 'components.0.text'],
    ['footer placeholder', [body('a'), { type: 'FOOTER', text: 'bye {{1}}' }], 'components.1.text'],
    ['no buttons', [body('a'), { type: 'BUTTONS', buttons: [] }], 'components.1.buttons'],
    ['eleven buttons', [body('a'), { type: 'BUTTONS', buttons: Array(11).fill({ type: 'QUICK_REPLY', text: 'x' }) }], 'components.1.buttons'],
    ['button without type', [body('a'), { type: 'BUTTONS', buttons: [{ text: 'x' }] }], 'components.1.buttons.0.type'],
    ['URL button without url', [body('a'), { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'x' }] }], 'components.1.buttons.0.url'],
    ['URL placeholder not at the end', [body('a'), { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://x/{{1}}/y' }] }], 'components.1.buttons.0.url'],
    ['URL with two placeholders', [body('a'), { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://x/{{1}}/{{1}}' }] }], 'components.1.buttons.0.url'],
    ['URL placeholder {{2}}', [body('a'), { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://x/{{2}}' }] }], 'components.1.buttons.0.url'],
    ['URL malformed placeholder', [body('a'), { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://x/{{y}}' }] }], 'components.1.buttons.0.url'],
  ])('rejects %s', (_, components, path) => {
    const { problems } = analyzeComponents(components);
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('reports every problem at once', () => {
    const { problems } = analyzeComponents([{ type: 'HEADER', format: 'TEXT', text: '{{0}}' }, { type: 'FOOTER', text: '{{1}}' }, { type: 'NOPE' }]);
    expect(problems.map((p) => p.path)).toEqual(['components.0.text', 'components.1.text', 'components.2.type', 'components']);
  });
});
