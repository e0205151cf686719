import { parseContactField, parseContactFields } from './coverage-fields';

describe('coverage field parsing', () => {
  it.each([
    ['phone', { column: 'phone' }],
    ['first_name', { column: 'first_name' }],
    ['last_name', { column: 'last_name' }],
    ['email', { column: 'email' }],
    ['custom_fields.order_id', { customKey: 'order_id' }],
    ['custom_fields.a.b', { customKey: 'a.b' }],
  ])('reads %p', (name, field) => {
    expect(parseContactField(name)).toEqual(field);
  });

  it.each([['name'], ['custom_fields'], ['custom_fields.'], [`custom_fields.${'k'.repeat(65)}`], ['Phone'], [''], [42], [null]])(
    'rejects %p',
    (name) => {
      expect(parseContactField(name)).toBeNull();
    },
  );

  it('throws INVALID_FIELD listing every bad name', () => {
    expect(() => parseContactFields(['email', 'nope', 'custom_fields.x', 'zip'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD', status: 400, details: { invalid: ['nope', 'zip'] } }),
    );
    expect(parseContactFields(['email', 'custom_fields.x']).map((f) => f.name)).toEqual(['email', 'custom_fields.x']);
  });
});
