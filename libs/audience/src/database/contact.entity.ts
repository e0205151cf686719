import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CustomFields } from '../domain/custom-fields';
import type { OptOutReason } from '../domain/opt-out';

@Entity('contacts')
export class ContactEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') workspaceId: string;
  @Column('text') phone: string;
  @Column('text', { nullable: true }) firstName: string | null;
  @Column('text', { nullable: true }) lastName: string | null;
  @Column('text', { nullable: true }) email: string | null;
  /** NULL: none set (see the migration); presented as {}. */
  @Column('jsonb', { nullable: true }) customFields: CustomFields | null;
  @Column('uuid', { nullable: true }) sourceId: string | null;
  @Column('boolean') optedOut: boolean;
  /** Opted out of marketing templates only (WhatsApp error 131050, or a STOP reply); `optedOut` covers every message. */
  @Column('boolean', { default: false }) marketingOptedOut: boolean;
  @Column('timestamptz', { nullable: true }) optedOutAt: Date | null;
  @Column('text', { nullable: true }) optOutReason: OptOutReason | null;
  @Column({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

/** The columns a contact's view is made of: what the send path reads for every recipient of a batch. */
export type ContactViewRow = Pick<ContactEntity, 'id' | 'phone' | 'firstName' | 'lastName' | 'email' | 'customFields' | 'sourceId' | 'optedOut' | 'marketingOptedOut'>;
