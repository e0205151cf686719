import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisService } from '@app/platform';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * One pump per campaign at a time across all workers. The lock expires on its own when its holder dies,
 * so a crashed worker's campaign is picked up by the next kick or sweep.
 */
@Injectable()
export class CampaignLock {
  static readonly TTL_MS = 10_000;

  constructor(private readonly redis: RedisService) {}

  async isHeld(campaignId: string): Promise<boolean> {
    return (await this.redis.client.exists(this.redis.key('pump', campaignId))) === 1;
  }

  async acquire(campaignId: string): Promise<{ extend: () => Promise<boolean>; release: () => Promise<void> } | null> {
    const key = this.redis.key('pump', campaignId);
    const token = randomUUID();
    const ok = await this.redis.client.set(key, token, 'PX', CampaignLock.TTL_MS, 'NX');
    if (!ok) return null;
    return {
      extend: async () => (await this.redis.client.eval(EXTEND, 1, key, token, CampaignLock.TTL_MS)) === 1,
      release: async () => {
        await this.redis.client.eval(RELEASE, 1, key, token);
      },
    };
  }
}
