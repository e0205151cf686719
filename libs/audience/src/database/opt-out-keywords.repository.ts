import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_OPT_OUT_KEYWORDS, OptOutKeywords } from '../domain/opt-out';

/** A workspace's reply keywords; a workspace that never set them has the defaults. */
@Injectable()
export class OptOutKeywordsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(workspaceId: string, m: Pick<EntityManager, 'query'> = this.db): Promise<OptOutKeywords> {
    const [row] = await m.query(`SELECT opt_out, opt_out_all, opt_in FROM opt_out_keywords WHERE workspace_id = $1`, [workspaceId]);
    return row ? { optOut: row.opt_out, optOutAll: row.opt_out_all, optIn: row.opt_in } : { ...DEFAULT_OPT_OUT_KEYWORDS };
  }

  async set(workspaceId: string, k: OptOutKeywords): Promise<OptOutKeywords> {
    await this.db.query(
      `INSERT INTO opt_out_keywords (workspace_id, opt_out, opt_out_all, opt_in) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id) DO UPDATE SET opt_out = EXCLUDED.opt_out, opt_out_all = EXCLUDED.opt_out_all, opt_in = EXCLUDED.opt_in, updated_at = now()`,
      [workspaceId, k.optOut, k.optOutAll, k.optIn],
    );
    return k;
  }
}
