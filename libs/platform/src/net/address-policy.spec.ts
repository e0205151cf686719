import { classifyAddress, refusePrivateUrl } from './address-policy';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::7f00:1', 'ipv4Compatible'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::1', '6to4'],
    ['2001::1', 'teredo'],
    ['100::1', 'discard'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['2001:db8::1', 'reserved'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2001:4860:4860::8888'])(
    '%s is public',
    (ip) => {
      expect(classifyAddress(ip)).toBe('public');
    },
  );
});

describe('refusePrivateUrl', () => {
  const resolver = (addresses: string[]) => async () => addresses.map((address) => ({ address }));
  const never = async () => {
    throw new Error('IP literals are not resolved');
  };

  it('accepts a host whose every address is public', async () => {
    await expect(refusePrivateUrl('https://hooks.example.com/x', resolver(['93.184.216.34', '2606:2800:220:1::1']))).resolves.toBeNull();
  });

  it('refuses a host with any non-public address, naming it', async () => {
    await expect(refusePrivateUrl('https://hooks.example.com/x', resolver(['93.184.216.34', '10.0.0.5']))).resolves.toEqual({
      host: 'hooks.example.com',
      address: '10.0.0.5',
      kind: 'private',
    });
  });

  it('checks IP literals without resolving them, brackets included', async () => {
    await expect(refusePrivateUrl('http://127.0.0.1:8080/', never)).resolves.toMatchObject({ kind: 'loopback' });
    await expect(refusePrivateUrl('http://[::1]/', never)).resolves.toMatchObject({ kind: 'loopback' });
    await expect(refusePrivateUrl('http://[::ffff:169.254.169.254]/', never)).resolves.toMatchObject({ kind: 'linkLocal' });
    await expect(refusePrivateUrl('http://[64:ff9b::a9fe:a9fe]/', never)).resolves.toMatchObject({ kind: 'rfc6052' });
  });

  it('refuses a host that does not resolve', async () => {
    const failing = async () => {
      throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
    };
    await expect(refusePrivateUrl('https://nowhere.invalid/', failing)).resolves.toEqual({ host: 'nowhere.invalid', address: null, kind: 'unresolvable' });
  });
});
