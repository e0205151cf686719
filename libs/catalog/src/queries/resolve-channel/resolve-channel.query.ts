import { Query } from '@nestjs/cqrs';

/** What dispatch needs to send through a channel; secrets are decrypted only for in-process use. */
export interface ChannelCredentials {
  id: string;
  workspaceId: string;
  name: string;
  phoneNumberId: string;
  wabaId: string;
  apiBaseUrl: string;
  accessToken: string;
  appSecret: string;
  messagesPerSecond: number;
  /** Unique users a day, or null for unlimited. */
  messagingLimit: number | null;
}

/**
 * Resolves the channel a campaign sends from: the given one, or the workspace's only channel when
 * `channelId` is null. Throws CHANNEL_REQUIRED (422) when that is ambiguous or none exists, and
 * NOT_FOUND for a channel id of another workspace.
 */
export class ResolveChannelQuery extends Query<ChannelCredentials> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string | null,
  ) {
    super();
  }
}
