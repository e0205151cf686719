import { Query } from '@nestjs/cqrs';
import type { ChannelCredentials } from '../resolve-channel/resolve-channel.query';

/**
 * Every channel, in any workspace, registered for one of Meta's phone number ids or WhatsApp Business
 * Account ids (one query whatever the number of ids): the inbound webhook checks a signature against
 * their app secrets, and applies what the payload says only within the channels whose secret verified it.
 */
export class FindWebhookChannelsQuery extends Query<ChannelCredentials[]> {
  constructor(
    readonly phoneNumberIds: string[],
    readonly wabaIds: string[],
  ) {
    super();
  }
}
