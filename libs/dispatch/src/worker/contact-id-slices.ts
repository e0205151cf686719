const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/**
 * Cuts the uuid space into `n` contiguous inclusive ranges of equal width, by the first 32 bits. Contact ids
 * are random (v4), so each range holds about 1/n of any audience, and as a range on `contacts.id` the
 * planner estimates it from its histogram (a hash of the id would look 200 times more selective than it is
 * and turn the audience's hash join into a million index probes).
 */
export function contactIdSlices(n: number): Array<[string, string]> {
  const bounds = Array.from({ length: n + 1 }, (_, k) => Math.floor((k * 2 ** 32) / n));
  return bounds.slice(0, n).map((lo, k) => [`${hex8(lo)}-0000-0000-0000-000000000000`, `${hex8(bounds[k + 1] - 1)}-ffff-ffff-ffff-ffffffffffff`]);
}
