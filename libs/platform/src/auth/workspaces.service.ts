import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { BadRequestError, NotFoundError } from '../errors/domain-error';
import { ApiKeyEntity } from './database/api-key.entity';
import { WorkspaceEntity } from './database/workspace.entity';
import { generateApiKey, hashApiKey } from './api-key.secret';
import { isScope } from './scopes';

/** Administrative operations behind the CLI; there is deliberately no HTTP surface for them. */
@Injectable()
export class WorkspacesService {
  constructor(
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
  ) {}

  async createWorkspace(name: string): Promise<{ id: string; name: string }> {
    if (!name.trim()) throw new BadRequestError('INVALID_NAME', 'Workspace name must not be empty');
    const ws = await this.workspaces.save(this.workspaces.create({ id: randomUUID(), name: name.trim() }));
    return { id: ws.id, name: ws.name };
  }

  async createApiKey(workspaceId: string, scopes: string[], name?: string) {
    const unknown = scopes.filter((s) => !isScope(s));
    if (!scopes.length || unknown.length) {
      throw new BadRequestError('INVALID_SCOPES', `Unknown or missing scopes: ${unknown.join(', ') || '(none given)'}`);
    }
    if (!(await this.workspaces.existsBy({ id: workspaceId }))) throw new NotFoundError('Workspace', workspaceId);
    const key = generateApiKey();
    const row = await this.keys.save(
      this.keys.create({ id: randomUUID(), workspaceId, name: name ?? null, keyHash: hashApiKey(key), scopes, revokedAt: null }),
    );
    return { id: row.id, key, scopes: row.scopes, workspace_id: workspaceId, name: row.name };
  }

  async revokeApiKey(id: string): Promise<{ id: string; revoked_at: string }> {
    const row = await this.keys.findOneBy({ id });
    if (!row) throw new NotFoundError('API key', id);
    row.revokedAt ??= new Date();
    await this.keys.save(row);
    return { id, revoked_at: row.revokedAt.toISOString() };
  }
}
