import { randomBytes } from 'node:crypto';

/**
 * Ids for rows written in bulk by one statement: a v4-shaped UUID built in SQL from a random 8-byte prefix
 * (version nibble 4), drawn once per statement, and a number unique among that statement's rows (a sequence
 * value, a file's line number) behind the RFC 4122 variant bits. Ids are unique by construction within a
 * prefix, they rise with the number (the primary key is appended at one spot per statement: no sort, no
 * random B-tree writes), and no per-row `gen_random_uuid()` is paid (about 2 µs a row on this kind of VM, a
 * syscall each). Clients that validate ids as UUID v4 accept them.
 */
export function uuidPrefix(): Buffer {
  const prefix = randomBytes(8);
  prefix[6] = (prefix[6] & 0x0f) | 0x40;
  return prefix;
}

/** The SQL expression of the id for `n` (a bigint expression) under the prefix bound to `prefixParam` ("$3"). */
export function prefixedUuidSql(prefixParam: string, n: string): string {
  return `encode(${prefixParam}::bytea || int8send((${n})::bigint | (-9223372036854775808)::bigint), 'hex')::uuid`;
}

/** The id the SQL computes for `n` under `prefix`, for tests and tools. */
export function prefixedUuid(prefix: Buffer, n: bigint): string {
  const low = Buffer.alloc(8);
  low.writeBigUInt64BE(n | (1n << 63n));
  const hex = Buffer.concat([prefix, low]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
