import { Injectable } from '@nestjs/common';
import type { ChannelCredentials } from '../resolve-channel/resolve-channel.query';

/** Long enough to spare the lookup and decryption on thousands of webhooks a second, short enough for other processes. */
const TTL_MS = 10_000;
const MAX_KEYS = 1_000;

/**
 * The channels (with decrypted secrets) that inbound webhooks naming the same Meta ids resolve to. Meta
 * posts thousands of webhooks a second naming the same few ids, so the signature check reuses them. This
 * process clears the cache whenever it creates or deletes a channel; another process's cache catches up
 * within TTL_MS (until then a new channel's webhooks get a 401, which Meta retries).
 */
@Injectable()
export class WebhookChannelCache {
  private readonly entries = new Map<string, { at: number; channels: ChannelCredentials[] }>();

  async get(phoneNumberIds: string[], wabaIds: string[], load: () => Promise<ChannelCredentials[]>): Promise<ChannelCredentials[]> {
    const key = `${[...phoneNumberIds].sort().join(',')}|${[...wabaIds].sort().join(',')}`;
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.channels;
    const channels = await load();
    if (this.entries.size >= MAX_KEYS) this.entries.clear();
    this.entries.set(key, { at: Date.now(), channels });
    return channels;
  }

  clear(): void {
    this.entries.clear();
  }
}
