import { Query } from '@nestjs/cqrs';
import type { ChannelCredentials } from '../resolve-channel/resolve-channel.query';

/** Every channel, in any workspace, of a WhatsApp Business Account (oldest first; empty when none). */
export class FindChannelsByWabaIdQuery extends Query<ChannelCredentials[]> {
  constructor(readonly wabaId: string) {
    super();
  }
}
