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
});
