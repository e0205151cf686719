import { isUUID } from 'class-validator';
import { recipientId, recipientIdPrefix } from './recipient-id';

describe('recipient ids', () => {
  it('are v4-shaped UUIDs whose low half is the seq behind the variant bits', () => {
    const prefix = recipientIdPrefix();
    const id = recipientId(prefix, 27487691n);
    expect(isUUID(id, '4')).toBe(true);
    expect(id.slice(19)).toBe('8000-000001a36dcb');
    expect(id.replace(/-/g, '').slice(0, 16)).toBe(prefix.toString('hex'));
  });

  it('differ by seq under one prefix and by prefix for one seq', () => {
    const [a, b] = [recipientIdPrefix(), recipientIdPrefix()];
    expect(a.equals(b)).toBe(false);
    expect(recipientId(a, 1n)).not.toBe(recipientId(a, 2n));
    expect(recipientId(a, 1n)).not.toBe(recipientId(b, 1n));
  });
});
