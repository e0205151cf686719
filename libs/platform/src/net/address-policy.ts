import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What kind of address an IP literal is: `public`, or the name of the special-purpose range it falls in
 * (ipaddr.js's IANA registry names: `loopback`, `private`, `linkLocal`, `carrierGradeNat`, `rfc6052`,
 * `6to4`, `teredo`, `reserved`, …). Anything that is not an IP at all is `invalid`.
 */
export function classifyAddress(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // The IPv4 rules decide for an IPv4 address written as IPv6 (`::ffff:127.0.0.1`).
    if (v6.isIPv4MappedAddress()) return classifyAddress(v6.toIPv4Address().toString());
  }
  const range = parsed.range();
  if (range !== 'unicast') return range;
  // Deprecated IPv4-compatible form (`::7f00:1`): ipaddr.js calls it unicast, but stacks may route it as IPv4.
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0) ? 'ipv4Compatible' : 'public';
}

export interface AddressRefusal {
  host: string;
  /** The offending address, or null when the host does not resolve at all. */
  address: string | null;
  kind: string;
}

export type Resolver = (host: string) => Promise<Array<{ address: string }>>;

const resolveAll: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Why a URL may not be called from inside the engine (its host is, or resolves to, a non-public address),
 * or null when it may. Every resolved address counts, not only the first: tenants must not be able to make
 * the engine reach its own network (SSRF).
 */
export async function refusePrivateUrl(url: string, resolve: Resolver = resolveAll): Promise<AddressRefusal | null> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(host) ? [{ address: host }] : await resolve(host).catch(() => []);
  if (!addresses.length) return { host, address: null, kind: 'unresolvable' };
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') return { host, address, kind };
  }
  return null;
}

/**
 * A socket lookup that fails the connection if any address is not public: checking a URL when it is saved
 * is not enough when DNS can change (rebinding), so the check also runs at connect time, on the very
 * addresses the socket would use. IP literals never go through a lookup: check them with `refusePrivateUrl`.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => classifyAddress(a.address) !== 'public');
    if (bad) return callback(Object.assign(new Error(`${hostname} resolves to non-public address ${bad.address}`), { code: 'ADDRESS_NOT_ALLOWED' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
