import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { ApiKeyGuard } from './api-key.guard';

/** Callers answered 429 remembered at most (a flood of distinct tokens must not grow the memo without end). */
const MAX_REMEMBERED = 10_000;

/**
 * The global guard: the rate limit (a Redis round trip) and the API key (a Postgres round trip) are checked at
 * once, so an authenticated request waits for one round trip before its handler instead of two. A caller over
 * its limit is answered 429 whatever its key; while it stays blocked its requests wait for the limit alone,
 * so a flood is refused without a database lookup per request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Caller (its Authorization header, or its address) → when its 429 ends, in ms since the epoch. */
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly limits: ThrottlerGuard,
    private readonly apiKeys: ApiKeyGuard,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const caller = req.headers.authorization ?? `ip:${req.ip}`;
    const until = this.blocked.get(caller);
    if (until !== undefined) {
      if (until > Date.now()) {
        await this.limit(ctx, caller);
        return this.apiKeys.canActivate(ctx);
      }
      this.blocked.delete(caller);
    }
    const [limited, authorised] = await Promise.allSettled([this.limit(ctx, caller), this.apiKeys.canActivate(ctx)]);
    if (limited.status === 'rejected') throw limited.reason;
    if (authorised.status === 'rejected') throw authorised.reason;
    return authorised.value;
  }

  private async limit(ctx: ExecutionContext, caller: string): Promise<void> {
    try {
      await this.limits.canActivate(ctx);
    } catch (e) {
      if (e instanceof ThrottlerException) {
        const retryAfter = Number(ctx.switchToHttp().getResponse<{ getHeader(name: string): unknown }>().getHeader('Retry-After'));
        if (this.blocked.size >= MAX_REMEMBERED) this.blocked.clear();
        this.blocked.set(caller, Date.now() + (Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000));
      }
      throw e;
    }
  }
}
