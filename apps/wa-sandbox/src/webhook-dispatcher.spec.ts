import { shuffleOutOfOrder } from './webhook-dispatcher';

describe('shuffleOutOfOrder', () => {
  it('always leaves at least one message with its statuses out of order', () => {
    for (let run = 0; run < 200; run++) {
      const items = ['a', 'b'].flatMap((id) => ['sent', 'delivered', 'read'].map((status) => ({ msg: { id }, status })));
      shuffleOutOfOrder(items);
      const disordered = ['a', 'b'].some((id) => items.filter((p) => p.msg.id === id).map((p) => p.status).join() !== 'sent,delivered,read');
      expect(disordered).toBe(true);
      expect(items).toHaveLength(6);
    }
  });
});
