import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid')
  workspaceId: string;

  @PrimaryColumn('text')
  key: string;

  @PrimaryColumn('text')
  method: string;

  /** The matched route with its parameters (`POST /api/v1/public/campaigns/<id>/send`), not the raw path. */
  @PrimaryColumn('text')
  route: string;

  @Column('text')
  requestHash: string;

  /** Null while the first request is still being served. */
  @Column('int', { nullable: true })
  responseStatus: number | null;

  /** The JSON answered, sealed with SecretBox: some responses carry a secret shown once (a webhook's signing secret). */
  @Column('text', { nullable: true })
  sealedResponseBody: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
