import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { CatalogPresenter } from '../catalog.presenter';
import { FindChannelByPhoneNumberIdQuery } from './find-channel-by-phone-number-id.query';

@QueryHandler(FindChannelByPhoneNumberIdQuery)
export class FindChannelByPhoneNumberIdHandler implements IQueryHandler<FindChannelByPhoneNumberIdQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly presenter: CatalogPresenter,
  ) {}

  async execute({ phoneNumberId }: FindChannelByPhoneNumberIdQuery) {
    return (await this.channels.findByPhoneNumberId(phoneNumberId)).map((c) => this.presenter.credentials(c));
  }
}
