import { isUUID } from 'class-validator';
import { prefixedUuid, uuidPrefix } from './prefixed-uuid';

describe('prefixed ids', () => {
  it('are v4-shaped UUIDs whose low half is the number behind the variant bits', () => {
    const prefix = uuidPrefix();
    const id = prefixedUuid(prefix, 27487691n);
    expect(isUUID(id, '4')).toBe(true);
    expect(id.slice(19)).toBe('8000-000001a36dcb');
    expect(id.replace(/-/g, '').slice(0, 16)).toBe(prefix.toString('hex'));
  });

  it('differ by number under one prefix and by prefix for one number', () => {
    const [a, b] = [uuidPrefix(), uuidPrefix()];
    expect(a.equals(b)).toBe(false);
    expect(prefixedUuid(a, 1n)).not.toBe(prefixedUuid(a, 2n));
    expect(prefixedUuid(a, 1n)).not.toBe(prefixedUuid(b, 1n));
  });
});
