import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { Repository } from 'typeorm';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectRepository(WebhookEndpointEntity) private readonly rows: Repository<WebhookEndpointEntity>) {}

  async insert(endpoint: WebhookEndpointEntity): Promise<void> {
    await this.rows.insert(endpoint);
  }

  findInWorkspace(workspaceId: string, id: string): Promise<WebhookEndpointEntity | null> {
    return this.rows.findOneBy({ id, workspaceId });
  }

  /** For the delivery worker, which acts on ids it took from its own tables. */
  findById(id: string): Promise<WebhookEndpointEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** Clears the endpoint's disabled state (a no-op when enabled); null for an endpoint of no such workspace. */
  async enable(workspaceId: string, id: string): Promise<WebhookEndpointEntity | null> {
    await this.rows.update({ id, workspaceId }, { disabledAt: null, disabledReason: null });
    return this.findInWorkspace(workspaceId, id);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.rows.delete({ id, workspaceId });
    return !!res.affected;
  }

  list(workspaceId: string, page: PageRequest): Promise<RowsPage<WebhookEndpointEntity>> {
    return keysetPage(this.rows.createQueryBuilder('e').where('e.workspace_id = :workspaceId', { workspaceId }), page);
  }
}
