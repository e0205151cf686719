import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Env, RedisService } from '@app/platform';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export interface PumpSlot {
  /** Slot 0 is the campaign's first pump: the one that may call for a second. */
  readonly index: number;
  extend(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * At most `DISPATCH_PUMPS_PER_CAMPAIGN` pumps per campaign at a time across all workers, so one campaign
 * can use a second worker's CPU while many campaigns still share workers fairly. Pumps of one campaign
 * never send the same row (fenced claims) and draw from the channel's one token bucket. A slot expires on
 * its own when its holder dies, so a crashed worker's campaign is picked up by the next kick or sweep.
 */
@Injectable()
export class CampaignLock {
  static readonly TTL_MS = 10_000;

  constructor(
    private readonly redis: RedisService,
    private readonly env: Env,
  ) {}

  private slotKeys(campaignId: string): string[] {
    return Array.from({ length: this.env.DISPATCH_PUMPS_PER_CAMPAIGN }, (_, i) => this.redis.key('pump', campaignId, String(i)));
  }

  async isHeld(campaignId: string): Promise<boolean> {
    return (await this.redis.client.exists(...this.slotKeys(campaignId))) > 0;
  }

  /** Whether a pump could still join the campaign. */
  async hasFreeSlot(campaignId: string): Promise<boolean> {
    return (await this.redis.client.exists(...this.slotKeys(campaignId))) < this.env.DISPATCH_PUMPS_PER_CAMPAIGN;
  }

  async acquire(campaignId: string): Promise<PumpSlot | null> {
    const token = randomUUID();
    const keys = this.slotKeys(campaignId);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index];
      if (!(await this.redis.client.set(key, token, 'PX', CampaignLock.TTL_MS, 'NX'))) continue;
      return {
        index,
        extend: async () => (await this.redis.client.eval(EXTEND, 1, key, token, CampaignLock.TTL_MS)) === 1,
        release: async () => {
          await this.redis.client.eval(RELEASE, 1, key, token);
        },
      };
    }
    return null;
  }
}
