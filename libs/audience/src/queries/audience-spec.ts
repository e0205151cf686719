import type { OptOutScope } from '../domain/opt-out';

/**
 * An audience: the union of the members of some groups, the contacts of some sources, the contacts of
 * some segments (saved filters), some contacts by id and the members of some lists.
 */
export interface AudienceSpec {
  workspaceId: string;
  groupIds: string[];
  sourceIds: string[];
  /**
   * The category of the template the audience is for: a contact who opted out of marketing messages only
   * (WhatsApp error 131050) counts as opted out for MARKETING (and unknown) templates, not for UTILITY or
   * AUTHENTICATION ones. Omitted: treated as marketing.
   */
  templateCategory?: string | null;
  segmentIds?: string[];
  contactIds?: string[];
  /** Lists of explicit contacts (AddListMembersCommand), e.g. a campaign's recipients added one by one. */
  listIds?: string[];
}


/** Categories a marketing-only opt-out does not cover. */
const NON_MARKETING = ['UTILITY', 'AUTHENTICATION'];

/** Whether a contact with this opt-out may not receive a template of `templateCategory` (the SQL's twin is `optedOutSql`). */
export function optedOutFor(c: { opted_out: boolean; opt_out_scope: OptOutScope | null }, templateCategory: string | null | undefined): boolean {
  return c.opted_out || (c.opt_out_scope === 'MARKETING' && !NON_MARKETING.includes(templateCategory ?? ''));
}

/** `optedOutFor` over `contacts c`, for the spec's template category. */
export function optedOutSql(spec: Pick<AudienceSpec, 'templateCategory'>): string {
  return NON_MARKETING.includes(spec.templateCategory ?? '') ? 'c.opted_out' : '(c.opted_out OR c.marketing_opted_out)';
}

/** The stored flags as an OptOutScope, over `contacts c`. */
export const OPT_OUT_SCOPE_SQL = `CASE WHEN c.opted_out THEN 'ALL' WHEN c.marketing_opted_out THEN 'MARKETING' END`;

/** A contact as other modules see it (the public Contact object without group ids). */
export interface ContactView {
  id: string;
  phone: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  custom_fields: Record<string, string | number | boolean | null>;
  source_id: string | null;
  opted_out: boolean;
  opt_out_scope: OptOutScope | null;
}
