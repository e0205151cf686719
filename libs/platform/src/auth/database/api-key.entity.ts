import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  workspaceId: string;

  @Column('text', { nullable: true })
  name: string | null;

  /** SHA-256 of the key: keys carry 256 bits of entropy, so a fast hash is enough and lookups stay O(1). */
  @Index({ unique: true })
  @Column('text')
  keyHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
