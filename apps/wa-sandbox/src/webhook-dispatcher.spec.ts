import { shuffleOutOfOrder, webhookRetryDelayMs } from './webhook-dispatcher';

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

describe('webhookRetryDelayMs', () => {
  const cfg = { webhook_retry_base_ms: 500, webhook_retry_max_ms: 3_600_000 };
  it('doubles from the base, ±20 % jitter', () => {
    expect(webhookRetryDelayMs(1, cfg, () => 0.5)).toBe(500);
    expect(webhookRetryDelayMs(4, cfg, () => 0.5)).toBe(4000);
    expect(webhookRetryDelayMs(1, cfg, () => 0)).toBe(400);
    expect(webhookRetryDelayMs(1, cfg, () => 1)).toBe(600);
  });

  it('is capped, so retries go on for hours instead of growing without end', () => {
    expect(webhookRetryDelayMs(40, cfg, () => 0.5)).toBe(3_600_000);
    let total = 0;
    for (let a = 1; a < 30; a++) total += webhookRetryDelayMs(a, cfg, () => 0.5);
    expect(total).toBeGreaterThan(12 * 3_600_000);
  });
});
