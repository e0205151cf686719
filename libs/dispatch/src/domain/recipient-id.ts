import { randomBytes } from 'node:crypto';

/**
 * A recipient id is a v4-shaped UUID built in SQL from two halves: this random 8-byte prefix (version
 * nibble 4), drawn once per materialisation slice, and the row's `seq` behind the RFC 4122 variant bits.
 * `seq` comes from the table's identity, so ids are unique by construction rather than by chance, they
 * rise with `seq` (each slice appends to the primary key at its own spot: no sort, no random B-tree
 * writes), and no per-row `gen_random_uuid()` is paid (about 2 µs a row on this kind of VM, a syscall
 * each).
 */
export function recipientIdPrefix(): Buffer {
  const prefix = randomBytes(8);
  prefix[6] = (prefix[6] & 0x0f) | 0x40;
  return prefix;
}

/** The id of the row with `seq` in a slice that drew `prefix`: what the SQL computes, for tests and tools. */
export function recipientId(prefix: Buffer, seq: bigint): string {
  const low = Buffer.alloc(8);
  low.writeBigUInt64BE(seq | (1n << 63n));
  const hex = Buffer.concat([prefix, low]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
