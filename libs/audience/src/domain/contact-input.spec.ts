import { parseContactRow, parseContactRows } from './contact-input';

describe('parseContactRow', () => {
  it('normalises the phone and keeps absent fields undefined (an upsert keeps them)', () => {
    expect(parseContactRow({ phone: '+1 415 555 2671', first_name: 'Ana', custom_fields: { tier: 'gold' } }, 0)).toEqual({
      ok: true,
      input: { phone: '+14155552671', firstName: 'Ana', lastName: undefined, email: undefined, customFields: { tier: 'gold' } },
    });
  });

  it.each([
    [null, 'VALIDATION_FAILED', /JSON object/],
    [['+14155552671'], 'VALIDATION_FAILED', /JSON object/],
    [{ phone: '+14155552671', nope: 1 }, 'VALIDATION_FAILED', /property nope should not exist/],
    [{ phone: '+14155552671', first_name: 7 }, 'VALIDATION_FAILED', /first_name must be a string/],
    [{ phone: '+14155552671', email: 'not-an-email' }, 'VALIDATION_FAILED', /email must be an email/],
    [{ phone: '+14155552671', last_name: 'x'.repeat(101) }, 'VALIDATION_FAILED', /at most 100/],
    [{ phone: '12345' }, 'INVALID_PHONE', /international format/],
    [{}, 'INVALID_PHONE', /must be a string/],
    [{ phone: '+14155552671', custom_fields: { a: { b: 1 } } }, 'INVALID_CUSTOM_FIELDS', /custom_fields.a/],
    [{ phone: '+14155552671', custom_fields: [1] }, 'INVALID_CUSTOM_FIELDS', /JSON object/],
  ])('fails %p with %s', (row, code, message) => {
    const r = parseContactRow(row, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.failure).toMatchObject({ index: 3, code });
      expect(r.failure.message).toMatch(message);
    }
  });
});

describe('parseContactRows', () => {
  it('keeps the first row of a repeated phone and reports the later ones as DUPLICATE_PHONE', () => {
    const { inputs, failed } = parseContactRows([
      { phone: '+14155552671', first_name: 'first' },
      { phone: 'bad' },
      { phone: '+1 415-555-2671', first_name: 'second' },
      { phone: '+447911123456' },
    ]);
    expect(inputs.map((i) => [i.index, i.phone, i.firstName])).toEqual([
      [0, '+14155552671', 'first'],
      [3, '+447911123456', undefined],
    ]);
    expect(failed.map((f) => [f.index, f.code])).toEqual([
      [1, 'INVALID_PHONE'],
      [2, 'DUPLICATE_PHONE'],
    ]);
    expect(failed[1].message).toMatch(/index 0/);
  });
});
