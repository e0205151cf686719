import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'app-secret';
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('signs like Meta: sha256=<hex HMAC-SHA256 of the raw body>', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(signWebhookBody(body, secret)).toBe(`sha256=${hex}`);
    expect(signWebhookBody(body.toString('utf8'), secret)).toBe(`sha256=${hex}`);
  });

  it('accepts a valid signature, case-insensitively on the hex', () => {
    const sig = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(body, sig, secret)).toBe(true);
    expect(verifyWebhookSignature(body, `sha256=${sig.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it.each([
    ['missing header', undefined],
    ['empty header', ''],
    ['no prefix', createHmac('sha256', secret).update(body).digest('hex')],
    ['sha1 scheme', `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`],
    ['truncated', signWebhookBody(body, secret).slice(0, -2)],
    ['other secret', signWebhookBody(body, 'other')],
    ['garbage', 'sha256=zz'],
  ])('rejects %s', (_label, header) => {
    expect(verifyWebhookSignature(body, header, secret)).toBe(false);
  });

  it('rejects a body changed after signing', () => {
    const sig = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(Buffer.from(body.toString('utf8') + ' '), sig, secret)).toBe(false);
  });

  it('rejects everything when no app secret is configured', () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, ''), '')).toBe(false);
  });
});
