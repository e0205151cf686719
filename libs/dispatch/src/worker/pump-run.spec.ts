import { CallsInFlight } from './pump-run';

/** A call the test finishes when it wants. */
function call(): { promise: Promise<void>; finish: () => void } {
  let finish!: () => void;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('CallsInFlight', () => {
  it('counts calls until they finish and wakes one waiter per finished call', async () => {
    const calls = new CallsInFlight();
    const a = call();
    const b = call();
    calls.add(a.promise);
    calls.add(b.promise);
    expect(calls.size).toBe(2);
    const woken: string[] = [];
    void calls.freed().then(() => woken.push('first'));
    void calls.freed().then(() => woken.push('second'));
    a.finish();
    await new Promise((r) => setImmediate(r));
    expect(calls.size).toBe(1);
    expect(woken).toEqual(['first']);
    b.finish();
    await new Promise((r) => setImmediate(r));
    expect(calls.size).toBe(0);
    expect(woken).toEqual(['first', 'second']);
  });

  it('settles only once every call started so far has finished, including calls of an earlier batch', async () => {
    const calls = new CallsInFlight();
    const earlier = call();
    const later = call();
    calls.add(earlier.promise);
    calls.add(later.promise);
    let settled = false;
    const done = calls.settled().then(() => (settled = true));
    later.finish();
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    earlier.finish();
    await done;
    expect(settled).toBe(true);
    expect(calls.size).toBe(0);
  });
});
