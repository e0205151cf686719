import { Injectable } from '@nestjs/common';
import { RedisService } from '@app/platform';

/** The rate never drops below this share of the channel's configured rate. */
const MIN_FACTOR = 0.2;
/** A quarter of the rate back per second: from the floor to full speed in ~3 s without refusals. */
const RECOVERY_PER_MS = 0.25 / 1000;
const CUT_EVERY_MS = 500;

/**
 * Token bucket per channel, in Redis so every worker process draws from the same budget. The bucket
 * holds at most a tenth of a second of tokens: over any one-second window a channel never sends more
 * than ~1.1x its rate, and a steady sender still gets its full rate. Redis' clock is the only clock.
 *
 * When Meta answers that the channel is over its throughput, the bucket's rate is cut (`factor`, AIMD):
 * multiplied by ~0.85 at most twice a second while refusals keep coming, and raised back by a quarter of
 * the rate per second once they stop, so a channel whose real limit is lower than configured settles just
 * under it and one whose refusals were a blip is back at full speed within seconds.
 */
const ACQUIRE = `
local key, rate, want = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = math.max(1, math.ceil(rate / 10))
local state = redis.call('HMGET', key, 'tokens', 'ts', 'until', 'factor')
local tokens = tonumber(state[1]) or cap
local ts = tonumber(state[2]) or now
local blocked = tonumber(state[3]) or 0
local factor = tonumber(state[4]) or 1
if blocked > now then return {0, blocked - now} end
if ts > now then ts = now end
factor = math.min(1, factor + (now - ts) * ${RECOVERY_PER_MS})
local eff = rate * factor
tokens = math.min(cap, tokens + (now - ts) * eff / 1000)
local granted = math.min(want, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', key, 'tokens', tokens, 'ts', now, 'factor', factor)
redis.call('PEXPIRE', key, 60000)
local wait = 0
if granted == 0 then wait = math.ceil((1 - tokens) * 1000 / eff) end
return {granted, math.max(wait, 1)}
`;

/**
 * Meta refused a send for throughput: cut the rate (not more often than every CUT_EVERY_MS, so the refusals
 * of one burst in flight count once), and hold the channel for Meta's Retry-After when it gave one.
 */
const SLOW_DOWN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local holdMs, cut = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'factor', 'cut_at', 'until')
local factor = tonumber(state[1]) or 1
local cutAt = tonumber(state[2]) or 0
if now - cutAt >= ${CUT_EVERY_MS} then
  redis.call('HSET', KEYS[1], 'factor', math.max(${MIN_FACTOR}, factor * cut), 'cut_at', now)
end
if holdMs > 0 then
  local untilTs = now + holdMs
  if untilTs > (tonumber(state[3]) or 0) then redis.call('HSET', KEYS[1], 'until', untilTs, 'tokens', 0, 'ts', untilTs) end
end
redis.call('PEXPIRE', KEYS[1], math.max(60000, holdMs * 2))
return 1
`;

/**
 * Meta's messaging limit counts unique users a channel started conversations with in a rolling 24 h.
 * Admits phones in order until the limit is reached; a phone already messaged in the window is free.
 */
const ADMIT_UNIQUE = `
local key, limit = KEYS[1], tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - 86400000)
local count = redis.call('ZCARD', key)
local admitted = 0
for i = 2, #ARGV do
  if redis.call('ZSCORE', key, ARGV[i]) then
    admitted = admitted + 1
  elseif count < limit then
    redis.call('ZADD', key, now, ARGV[i])
    count = count + 1
    admitted = admitted + 1
  else
    break
  end
end
redis.call('PEXPIRE', key, 90000000)
return admitted
`;

@Injectable()
export class ChannelRateLimiter {
  constructor(private readonly redis: RedisService) {}

  private key(channelId: string) {
    return this.redis.key('rate', channelId);
  }

  /** Takes up to `want` send permits now; `waitMs` says when more will be available. */
  async tryAcquire(channelId: string, perSecond: number, want: number): Promise<{ granted: number; waitMs: number }> {
    const [granted, waitMs] = (await this.redis.client.eval(ACQUIRE, 1, this.key(channelId), perSecond, want)) as [number, number];
    return { granted, waitMs };
  }

  /** Waits until at least one permit is granted (or `shouldStop` says to give up) and returns how many. */
  async acquire(channelId: string, perSecond: number, want: number, shouldStop: () => boolean): Promise<number> {
    for (;;) {
      const { granted, waitMs } = await this.tryAcquire(channelId, perSecond, want);
      if (granted > 0 || shouldStop()) return granted;
      await new Promise((r) => setTimeout(r, Math.min(Math.max(waitMs, 1), 1000)));
    }
  }

  /** How many of `phones` (in order) fit under the channel's 24 h unique-user limit; null limit = all. */
  async admitUniqueUsers(channelId: string, limit: number | null, phones: string[]): Promise<number> {
    if (limit === null || !phones.length) return phones.length;
    return (await this.redis.client.eval(ADMIT_UNIQUE, 1, this.redis.key('unique-users', channelId), limit, ...phones)) as number;
  }

  /** Meta said the channel is over its throughput; `holdMs` > 0 also stops it that long (Retry-After). */
  async slowDown(channelId: string, holdMs: number): Promise<void> {
    const cut = 0.8 + Math.random() * 0.1; // jittered, so workers sharing a channel don't move in lockstep
    await this.redis.client.eval(SLOW_DOWN, 1, this.key(channelId), Math.round(holdMs), cut);
  }
}
