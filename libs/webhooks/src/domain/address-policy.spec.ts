import 'reflect-metadata';
import { assertPublicUrl } from './address-policy';

describe('assertPublicUrl', () => {
  const resolver = (addresses: string[]) => async () => addresses.map((address) => ({ address }));

  it('accepts a host whose every address is public', async () => {
    await expect(assertPublicUrl('https://hooks.example.com/x', resolver(['93.184.216.34', '2606:2800:220:1::1']))).resolves.toBeUndefined();
  });

  it('refuses a host when any resolved address is not public, with WEBHOOK_URL_NOT_ALLOWED', async () => {
    await expect(assertPublicUrl('https://hooks.example.com/x', resolver(['93.184.216.34', '10.0.0.5']))).rejects.toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      details: { address: '10.0.0.5', kind: 'private' },
    });
    await expect(assertPublicUrl('http://[2002:7f00:1::1]/', resolver([]))).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED', details: { kind: '6to4' } });
  });

  it('refuses a host that does not resolve with WEBHOOK_URL_UNRESOLVABLE', async () => {
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(assertPublicUrl('https://nowhere.invalid/', failing)).rejects.toMatchObject({ code: 'WEBHOOK_URL_UNRESOLVABLE' });
  });
});
