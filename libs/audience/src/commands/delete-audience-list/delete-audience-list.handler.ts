import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeleteAudienceListCommand } from './delete-audience-list.command';

@CommandHandler(DeleteAudienceListCommand)
export class DeleteAudienceListHandler implements ICommandHandler<DeleteAudienceListCommand> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ listId }: DeleteAudienceListCommand) {
    await this.db.query(`DELETE FROM audience_list_members WHERE list_id = $1`, [listId]);
  }
}
