import type { ContactViewRow } from '../database/contact.entity';
import { optOutScopeOf } from '../domain/opt-out';
import type { ContactView } from './audience-spec';

export function toContactView(c: ContactViewRow): ContactView {
  return {
    id: c.id,
    phone: c.phone,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    custom_fields: c.customFields ?? {},
    source_id: c.sourceId,
    opted_out: c.optedOut,
    opt_out_scope: optOutScopeOf(c),
  };
}
