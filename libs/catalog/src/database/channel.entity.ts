import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('channels')
export class ChannelEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') workspaceId: string;
  @Column('text') name: string;
  @Column('text') phoneNumberId: string;
  @Column('text') wabaId: string;
  @Column('text') apiBaseUrl: string;
  /** SecretBox ciphertexts: the plaintexts never reach the database, the logs or a response. */
  @Column('text') accessTokenCiphertext: string;
  @Column('text') appSecretCiphertext: string;
  @Column('int') messagesPerSecond: number;
  @Column('int', { nullable: true }) messagingLimit: number | null;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
