import { optedOutFor, optedOutSql } from './audience-spec';

describe('opt-out scope', () => {
  const none = { opted_out: false, opt_out_scope: null };
  const marketing = { opted_out: false, opt_out_scope: 'MARKETING' as const };
  const all = { opted_out: true, opt_out_scope: 'ALL' as const };

  it.each([
    ['MARKETING', [false, true, true]],
    ['UTILITY', [false, false, true]],
    ['AUTHENTICATION', [false, false, true]],
    [null, [false, true, true]],
    ['SOMETHING_NEW', [false, true, true]],
  ] as const)('a %s template skips: nobody, marketing-only opt-outs only for marketing (or unknown) templates, full opt-outs always', (category, expected) => {
    expect([none, marketing, all].map((c) => optedOutFor(c, category))).toEqual(expected);
  });

  it('the SQL twin checks the marketing flag exactly when the function does', () => {
    for (const category of ['MARKETING', 'UTILITY', 'AUTHENTICATION', null, 'SOMETHING_NEW']) {
      expect(optedOutSql({ templateCategory: category }).includes('marketing_opted_out')).toBe(optedOutFor(marketing, category));
    }
  });
});
