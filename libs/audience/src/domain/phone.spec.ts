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

  // patches/libphonenumber-js+*.patch: the library built a RegExp from a metadata pattern of several
  // kilobytes on every check (four per Indian number), a third of a million-row import's CPU.
  it('compiles each metadata pattern once, not once per number checked', () => {
    const numbers = Array.from({ length: 1000 }, (_, i) => `+9196${String(i).padStart(8, '0')}`);
    normalisePhone(numbers[0]);
    const Native = RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args: [string, string?]) {
        built++;
        return new target(...args);
      },
    });
    try {
      for (const n of numbers) expect(normalisePhone(n).ok).toBe(true);
    } finally {
      globalThis.RegExp = Native;
    }
    // One RegExp per number is the parser's own; unpatched, validation adds four more.
    expect(built).toBeLessThanOrEqual(numbers.length * 1.1);
  });
});
