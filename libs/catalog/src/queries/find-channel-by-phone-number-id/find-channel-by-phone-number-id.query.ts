import { Query } from '@nestjs/cqrs';
import type { ChannelCredentials } from '../resolve-channel/resolve-channel.query';

/**
 * Every channel, in any workspace, registered for Meta's phone number id (oldest first; empty when
 * none). The inbound webhook uses it to find the app secrets to check a signature against and the
 * workspaces an event may belong to.
 */
export class FindChannelByPhoneNumberIdQuery extends Query<ChannelCredentials[]> {
  constructor(readonly phoneNumberId: string) {
    super();
  }
}
