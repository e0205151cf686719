import { redactRequest, redactUrl } from './redact-request';

describe('redactRequest', () => {
  it('masks credentials in the query string, keeping everything else', () => {
    expect(redactUrl('/api/v1/public/campaigns?api_key=sk_live_1&limit=5')).toBe('/api/v1/public/campaigns?api_key=[redacted]&limit=5');
    expect(redactUrl('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=42')).toBe(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=[redacted]&hub.challenge=42',
    );
    expect(redactUrl('/x?hub%2Everify_token=s3cret&access_token=t&ApiKey=k')).toBe('/x?hub%2Everify_token=[redacted]&access_token=[redacted]&ApiKey=[redacted]');
    expect(redactUrl('/plain/path')).toBe('/plain/path');
    expect(redactUrl('/x?%E0%A4%A=1')).toBe('/x?%E0%A4%A=1');
  });

  it('masks auth headers and parsed query values; the result never contains the secrets', () => {
    const req = {
      method: 'GET',
      url: '/x?api_key=sk_live_1&hub.verify_token=vt',
      query: { api_key: 'sk_live_1', 'hub.verify_token': 'vt', limit: '5' },
      headers: { authorization: 'Bearer sk_live_2', 'X-Auth-Token': 'sk_live_3', 'x-api-key': 'sk_live_4', accept: 'application/json' },
    };
    const out = redactRequest(req);
    const text = JSON.stringify(out);
    for (const secret of ['sk_live_1', 'sk_live_2', 'sk_live_3', 'sk_live_4', '"vt"']) expect(text).not.toContain(secret);
    expect(out).toMatchObject({ method: 'GET', query: { limit: '5' }, headers: { accept: 'application/json' } });
    expect(req.headers.authorization).toBe('Bearer sk_live_2');
  });
});
