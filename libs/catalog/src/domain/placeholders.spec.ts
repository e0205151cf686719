import { scanPlaceholders } from './placeholders';

describe('scanPlaceholders', () => {
  it.each([
    ['no placeholders', 'Hello there', []],
    ['one', 'Hi {{1}}!', ['1']],
    ['several, any order, repeated', 'Order {{2}} for {{1}}, again {{2}}', ['1', '2']],
    ['two digits', Array.from({ length: 10 }, (_, i) => `{{${i + 1}}}`).join(' '), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']],
    ['single braces are plain text', 'a {b} c { d } e', []],
  ])('%s', (_, text, expected) => {
    expect(scanPlaceholders(text)).toEqual({ placeholders: expected, problems: [] });
  });

  it.each([
    ['zero', 'Hi {{0}}', /invalid placeholder "\{\{0\}\}"/],
    ['leading zero', 'Hi {{01}}', /invalid placeholder/],
    ['named', 'Hi {{x}}', /invalid placeholder "\{\{x\}\}"/],
    ['spaces inside', 'Hi {{ 1 }}', /invalid placeholder/],
    ['negative', 'Hi {{-1}}', /invalid placeholder/],
    ['empty', 'Hi {{}}', /invalid placeholder/],
    ['gap', '{{1}} and {{3}}', /missing \{\{2\}\}/],
    ['starts at 2', '{{2}}', /missing \{\{1\}\}/],
    ['unclosed', 'Hi {{1', /unbalanced braces/],
    ['unopened', 'Hi 1}}', /unbalanced braces/],
    ['half closed', 'Hi {{1}', /unbalanced braces/],
    ['nested', 'Hi {{a{{1}}', /unbalanced braces/],
    ['triple braces', 'Hi {{{1}}}', /malformed placeholder/],
  ])('rejects %s', (_, text, message) => {
    const scan = scanPlaceholders(text);
    expect(scan.placeholders).toEqual([]);
    expect(scan.problems.join('\n')).toMatch(message);
  });

  it('reports every problem of a text', () => {
    expect(scanPlaceholders('{{x}} {{3}} }}').problems).toHaveLength(3);
  });
});
