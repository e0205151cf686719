import { parseWhatsAppWebhook } from './whatsapp-webhook-payload';

const envelope = (statuses: Array<Record<string, unknown>>) => ({
  entry: [{ id: 'waba', changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'pn' }, statuses } }] }],
});

describe('parseWhatsAppWebhook', () => {
  it('reads statuses with their timestamp, recipient id and error', () => {
    const parsed = parseWhatsAppWebhook(
      envelope([
        { id: 'wamid.1', status: 'delivered', timestamp: '1700000000', biz_opaque_callback_data: 'r-1' },
        { id: 'wamid.2', status: 'failed', timestamp: 1700000001, errors: [{ code: 131026, title: 'Undeliverable' }] },
        { id: 'wamid.3', status: 'deleted', timestamp: '1700000002' },
      ]),
    );
    expect([...parsed.phoneNumberIds]).toEqual(['pn']);
    expect(parsed.statuses).toHaveLength(2);
    expect(parsed.statuses[0]).toMatchObject({ wamid: 'wamid.1', status: 'delivered', recipientId: 'r-1', at: new Date(1_700_000_000_000) });
    expect(parsed.statuses[1]).toMatchObject({ wamid: 'wamid.2', status: 'failed', recipientId: null, code: '131026' });
  });

  it('takes now for a timestamp that is no date, so one bad status cannot fail the batch it is written with', () => {
    const before = Date.now();
    const parsed = parseWhatsAppWebhook(
      envelope(['soon', '-5', '1e20', 'Infinity', ''].map((timestamp, i) => ({ id: `wamid.${i}`, status: 'sent', timestamp }))),
    );
    expect(parsed.statuses).toHaveLength(5);
    for (const s of parsed.statuses) {
      expect(Number.isNaN(s.at.getTime())).toBe(false);
      expect(s.at.getTime()).toBeGreaterThanOrEqual(before);
    }
  });

  it('reads replies: text, quick-reply button and interactive button; skips long texts and bad senders', () => {
    const parsed = parseWhatsAppWebhook({
      entry: [{ id: 'waba', changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'pn' }, messages: [
        { from: '12025550100', type: 'text', text: { body: 'STOP' }, timestamp: '1700000000' },
        { from: '12025550101', type: 'button', button: { text: 'Stop promotions', payload: 'x' }, timestamp: '1700000001' },
        { from: '12025550102', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: '1', title: 'START' } } },
        { from: '12025550103', type: 'text', text: { body: 'x'.repeat(101) } },
        { from: 'not-a-number', type: 'text', text: { body: 'STOP' } },
        { from: '12025550104', type: 'image', image: { id: 'm' } },
      ] } }] }],
    });
    expect(parsed.replies.map((r) => [r.phoneNumberId, r.from, r.text])).toEqual([
      ['pn', '+12025550100', 'STOP'],
      ['pn', '+12025550101', 'Stop promotions'],
      ['pn', '+12025550102', 'START'],
    ]);
    expect(parsed.replies[0].at).toEqual(new Date(1_700_000_000_000));
  });
});
