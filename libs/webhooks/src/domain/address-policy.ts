import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { WebhookUrlNotAllowedError, WebhookUrlUnresolvableError } from './webhooks.errors';

export type AddressKind = 'public' | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast' | 'reserved';

/** First match wins, so the narrow IPv6 entries come before `::/96`. IPv4-mapped IPv6 addresses match the IPv4 rules. */
const RANGES: Array<[Exclude<AddressKind, 'public'>, string, number, 'ipv4' | 'ipv6']> = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['cgnat', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['reserved', '::', 96, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const LISTS = RANGES.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list };
});

/** What kind of address an IP literal is; anything that is not an IP at all counts as reserved. */
export function classifyAddress(address: string): AddressKind {
  const family = isIP(address);
  if (!family) return 'reserved';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(({ list }) => list.check(address, type))?.kind ?? 'public';
}

export type Resolver = (host: string) => Promise<Array<{ address: string }>>;

const resolveAll: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Refuses a URL whose host is, or resolves to, any non-public address: webhooks must not become a way to
 * reach the engine's own network (SSRF). Every resolved address counts, not only the first.
 */
export async function assertPublicUrl(url: string, resolve: Resolver = resolveAll): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string }>;
  if (isIP(host)) {
    addresses = [{ address: host }];
  } else {
    addresses = await resolve(host).catch(() => []);
    if (!addresses.length) throw new WebhookUrlUnresolvableError(host);
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') throw new WebhookUrlNotAllowedError(host, address, kind);
  }
}
