import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['+14155552671', '+14155552671'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['  +44 7911 123456 ', '+447911123456'],
    ['+91-98765-43210', '+919876543210'],
  ])('normalises %p to %p', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, phone: e164 });
  });

  it.each([
    ['14155552671', /international format/],
    ['07911 123456', /international format/],
    ['+1555555555', /not a valid/],
    ['+9198765432', /not a valid/],
    ['+abc', /not a/],
    ['+', /not a/],
    [`+1${'2'.repeat(60)}`, /too long/],
    ['', /international format/],
  ])('rejects %p', (input, message) => {
    const r = normalisePhone(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('rejects non-strings', () => {
    expect(normalisePhone(14155552671)).toEqual({ ok: false, message: 'phone must be a string' });
    expect(normalisePhone(null).ok).toBe(false);
  });
});
