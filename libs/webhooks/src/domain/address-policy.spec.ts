import { assertPublicUrl, classifyAddress } from './address-policy';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['not-an-ip', 'reserved'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => {
      expect(classifyAddress(ip)).toBe('public');
    },
  );
});

describe('assertPublicUrl', () => {
  const resolver = (addresses: string[]) => async () => addresses.map((address) => ({ address }));

  it('accepts a host whose every address is public', async () => {
    await expect(assertPublicUrl('https://hooks.example.com/x', resolver(['93.184.216.34', '2606:2800:220:1::1']))).resolves.toBeUndefined();
  });

  it('refuses a host when any resolved address is private (not only the first)', async () => {
    await expect(assertPublicUrl('https://hooks.example.com/x', resolver(['93.184.216.34', '10.0.0.5']))).rejects.toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      details: { address: '10.0.0.5', kind: 'private' },
    });
  });

  it('checks IP literals without resolving them, bracketed IPv6 included', async () => {
    const never = jest.fn();
    await expect(assertPublicUrl('http://127.0.0.1:8080/', never)).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(assertPublicUrl('http://[::1]/', never)).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(assertPublicUrl('http://[::ffff:169.254.169.254]/', never)).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    expect(never).not.toHaveBeenCalled();
  });

  it('refuses a host that does not resolve', async () => {
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(assertPublicUrl('https://nowhere.invalid/', failing)).rejects.toMatchObject({ code: 'WEBHOOK_URL_UNRESOLVABLE' });
  });
});
