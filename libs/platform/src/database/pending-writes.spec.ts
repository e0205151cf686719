import { PendingWrites } from './pending-writes';

describe('PendingWrites', () => {
  it('settles only after every tracked write, including writes tracked while waiting, and keeps their results', async () => {
    const pending = new PendingWrites();
    const order: string[] = [];
    const later = (ms: number, name: string) => new Promise<string>((r) => setTimeout(() => (order.push(name), r(name)), ms));
    await expect(pending.settled()).resolves.toBeUndefined();
    const first = pending.track(later(30, 'first'));
    void pending.track(later(5, 'quick').then(() => pending.track(later(40, 'chained'))));
    void pending.track(Promise.reject(new Error('lost')).catch(() => undefined));
    await pending.settled();
    order.push('settled');
    expect(order).toEqual(['quick', 'first', 'chained', 'settled']);
    await expect(first).resolves.toBe('first');
  });
});
