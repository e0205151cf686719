import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid')
  workspaceId: string;

  @PrimaryColumn('text')
  key: string;

  @PrimaryColumn('text')
  method: string;

  @PrimaryColumn('text')
  path: string;

  @Column('text')
  requestHash: string;

  /** Null while the first request is still being served. */
  @Column('int', { nullable: true })
  responseStatus: number | null;

  @Column('text', { nullable: true })
  responseBody: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
