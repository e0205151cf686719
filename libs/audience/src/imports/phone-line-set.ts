/**
 * The line on which each phone of a file first appeared, for up to `capacity` phones, in two typed arrays
 * (open addressing, linear probing) instead of a Map: a million E.164 numbers take 24 MiB outside the JS
 * heap rather than ~100 MiB of strings and entries inside it. An E.164 number (at most 15 digits) is an
 * exact float64, so the number itself is the key.
 */
export class PhoneLineSet {
  private readonly keys: Float64Array;
  private readonly lines: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  private size = 0;

  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.keys = new Float64Array(1 << bits);
    this.lines = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Records `phone` (E.164) at `line` and answers 0, or answers the line it was first recorded at. */
  firstLine(phone: string, line: number): number {
    const key = Number(phone.slice(1));
    const lo = key % 0x1_0000_0000;
    const hi = (key - lo) / 0x1_0000_0000;
    let i = (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === 0) {
        // Sized for twice the phones expected: a full table would make the probe loop forever.
        if (++this.size > this.mask) throw new Error('PhoneLineSet is full');
        this.keys[i] = key;
        this.lines[i] = line;
        return 0;
      }
      if (k === key) return this.lines[i];
      i = (i + 1) & this.mask;
    }
  }
}
