import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SegmentDefinition } from '../domain/segment';

@Entity('segments')
export class SegmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') workspaceId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('jsonb') definition: SegmentDefinition;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
