import { Logger } from '@nestjs/common';
import { Outcome } from '../database/recipient-ledger';
import { RecipientStatus } from '../domain/recipient-status';
import { OutcomeBuffer } from './outcome-buffer';

const outcome = (i: number): Outcome => ({ id: `r${i}`, status: RecipientStatus.SENT, wamid: `w${i}` });
const quiet = new Logger('test');
jest.spyOn(quiet, 'warn').mockImplementation(() => undefined);

describe('OutcomeBuffer', () => {
  it('writes a lone outcome within ~100 ms, without waiting for a full group', async () => {
    const written: Outcome[][] = [];
    const buffer = new OutcomeBuffer(async (o) => written.push(o), 1000, quiet);
    buffer.push(outcome(1));
    await new Promise((r) => setTimeout(r, 250));
    expect(written).toEqual([[outcome(1)]]);
  });

  it('keeps outcomes through failed writes and retries until the store takes them, in order', async () => {
    let failuresLeft = 3;
    const written: Outcome[] = [];
    const buffer = new OutcomeBuffer(
      async (o) => {
        if (failuresLeft-- > 0) throw new Error('Connection terminated unexpectedly');
        written.push(...o);
      },
      3,
      quiet,
    );
    for (let i = 0; i < 5; i++) buffer.push(outcome(i));
    expect(buffer.full()).toBe(true);
    await buffer.drain();
    expect(written.map((o) => o.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(buffer.size).toBe(0);
    expect(buffer.full()).toBe(false);
  });

  it('writes at most 1,000 outcomes at once', async () => {
    const seen: number[] = [];
    const buffer = new OutcomeBuffer(async (o) => seen.push(o.length), 5000, quiet);
    for (let i = 0; i < 2450; i++) buffer.push(outcome(i));
    await buffer.drain();
    expect(seen.reduce((a, b) => a + b, 0)).toBe(2450);
    expect(Math.max(...seen)).toBe(1000);
  });

  it('puts what piled up while a write ran into the next write, not into groups of 200', async () => {
    const seen: number[] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((r) => (release = r));
    const buffer = new OutcomeBuffer(
      async (o) => {
        seen.push(o.length);
        if (seen.length === 1) await firstWrite;
      },
      5000,
      quiet,
    );
    for (let i = 0; i < 200; i++) buffer.push(outcome(i));
    await new Promise((r) => setTimeout(r, 20)); // the first write (200, a full group) has started
    for (let i = 200; i < 700; i++) buffer.push(outcome(i));
    release();
    await buffer.drain();
    expect(seen).toEqual([200, 500]);
  });
});
