import { ExecutionContext } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { AccessGuard } from './access.guard';
import { ApiKeyGuard, UnauthorizedError } from './api-key.guard';

/** A check that settles when told to, and counts how often it was started. */
function pending() {
  const started: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  return {
    started,
    canActivate: () => new Promise<boolean>((resolve, reject) => started.push({ resolve: () => resolve(true), reject })),
  };
}

function context(authorization = 'Bearer k1') {
  const headers: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v), getHeader: (k: string) => headers[k.toLowerCase()] };
  return { switchToHttp: () => ({ getRequest: () => ({ headers: { authorization }, ip: '10.0.0.1' }), getResponse: () => res }), res } as unknown as ExecutionContext & {
    res: typeof res;
  };
}

const tick = () => new Promise((r) => setImmediate(r));

function setup() {
  const limits = pending();
  const keys = pending();
  return { limits, keys, guard: new AccessGuard(limits as unknown as ThrottlerGuard, keys as unknown as ApiKeyGuard) };
}

/** A first request from `ctx`'s caller refused 429 with the given Retry-After, its key lookup settled by `key`. */
async function blockedOnce(s: ReturnType<typeof setup>, ctx: ReturnType<typeof context>, retryAfter: string, key: (k: (typeof s.keys.started)[0]) => void) {
  const first = s.guard.canActivate(ctx);
  await tick();
  key(s.keys.started[0]);
  ctx.res.setHeader('Retry-After', retryAfter);
  s.limits.started[0].reject(new ThrottlerException());
  await expect(first).rejects.toBeInstanceOf(ThrottlerException);
}

describe('AccessGuard', () => {
  it('starts the rate limit and the key lookup together and passes once both pass', async () => {
    const { limits, keys, guard } = setup();
    const result = guard.canActivate(context());
    await tick();
    expect([limits.started.length, keys.started.length]).toEqual([1, 1]);
    keys.started[0].resolve();
    limits.started[0].resolve();
    await expect(result).resolves.toBe(true);
  });

  it('answers 429 ahead of 401, then refuses the blocked caller without a key lookup until its Retry-After', async () => {
    const s = setup();
    const { limits, keys, guard } = s;
    await blockedOnce(s, context(), '30', (k) => k.reject(new UnauthorizedError('bad key')));

    const second = guard.canActivate(context());
    await tick();
    expect([limits.started.length, keys.started.length]).toEqual([2, 1]);
    limits.started[1].reject(new ThrottlerException());
    await expect(second).rejects.toBeInstanceOf(ThrottlerException);
    expect(keys.started).toHaveLength(1);

    // Another caller is not held back by the first one's block.
    const other = guard.canActivate(context('Bearer k2'));
    await tick();
    expect(keys.started).toHaveLength(2);
    limits.started[2].resolve();
    keys.started[1].resolve();
    await expect(other).resolves.toBe(true);
  });

  it('gives a blocked caller both checks again once its block is over', async () => {
    const s = setup();
    const { limits, keys, guard } = s;
    await blockedOnce(s, context(), '0', (k) => k.resolve());
    const again = guard.canActivate(context());
    await tick();
    expect([limits.started.length, keys.started.length]).toEqual([2, 2]);
    limits.started[1].resolve();
    keys.started[1].resolve();
    await expect(again).resolves.toBe(true);
  });
});
