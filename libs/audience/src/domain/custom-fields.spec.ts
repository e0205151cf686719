import { customFieldsProblems } from './custom-fields';

describe('customFieldsProblems', () => {
  it('accepts a flat object of scalars, null included', () => {
    expect(customFieldsProblems({ a: 'x', b: 1.5, c: true, d: null, e: '' })).toEqual([]);
    expect(customFieldsProblems({})).toEqual([]);
  });

  it.each([[null], [[]], ['x'], [3]])('rejects %p as a whole', (value) => {
    expect(customFieldsProblems(value)).toEqual([{ field: 'custom_fields', errors: ['custom_fields must be a JSON object'] }]);
  });

  it('reports every nested object, array and bad key with its path', () => {
    const problems = customFieldsProblems({ ok: 1, nested: { a: 1 }, list: [1], ['k'.repeat(65)]: 'v', '': 'empty' });
    expect(problems.map((p) => p.field).sort()).toEqual(['custom_fields.', 'custom_fields.k'.padEnd(14 + 65, 'k'), 'custom_fields.list', 'custom_fields.nested'].sort());
    expect(problems.find((p) => p.field === 'custom_fields.nested')!.errors[0]).toMatch(/no nested objects or arrays/);
  });

  it('accepts 64-char keys and 100 keys, rejects 101 keys', () => {
    expect(customFieldsProblems({ ['k'.repeat(64)]: 1 })).toEqual([]);
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(customFieldsProblems(hundred)).toEqual([]);
    const problems = customFieldsProblems({ ...hundred, extra: 1 });
    expect(problems).toEqual([{ field: 'custom_fields', errors: ['custom_fields has 101 keys; at most 100 are allowed'] }]);
  });

  it('rejects non-finite numbers and over-long strings', () => {
    expect(customFieldsProblems({ n: Infinity })[0].errors).toEqual(['value must be a finite number']);
    expect(customFieldsProblems({ s: 'x'.repeat(1025) })[0].errors).toEqual(['value must be at most 1024 characters']);
  });
});
