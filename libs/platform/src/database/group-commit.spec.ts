import { GroupCommit } from './group-commit';

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes a lone call at once and groups calls that arrive while a write is in flight', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const gc = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = gc.submit([1]);
    await tick();
    expect(writes).toEqual([[1]]);
    const later = [gc.submit([2, 3]), gc.submit([4])];
    await tick();
    expect(writes).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a write at maxItems without splitting a caller; a failed group is retried caller by caller', async () => {
    const writes: string[][] = [];
    let release!: () => void;
    const gc = new GroupCommit<string>(async (items) => {
      writes.push(items);
      if (items.includes('a')) await new Promise<void>((r) => (release = r));
      if (items.includes('bad')) throw new Error('boom');
    }, 3);
    const a = gc.submit(['a']);
    await tick();
    const b = gc.submit(['b1', 'b2']);
    const c = gc.submit(['bad', 'c2']);
    const d = gc.submit(['d']);
    release();
    await expect(a).resolves.toBeUndefined();
    await expect(b).resolves.toBeUndefined();
    await expect(c).rejects.toThrow('boom');
    await expect(d).resolves.toBeUndefined();
    expect(writes).toEqual([['a'], ['b1', 'b2'], ['bad', 'c2', 'd'], ['bad', 'c2'], ['d']]);
    await gc.idle();
  });

  it('idle() waits for queued writes to finish', async () => {
    let written = 0;
    const gc = new GroupCommit<number>(async (items) => {
      await new Promise((r) => setTimeout(r, 5));
      written += items.length;
    });
    void gc.submit([1]);
    void gc.submit([2]);
    await gc.idle();
    expect(written).toBe(2);
  });
});
