/**
 * An audience: the union of the members of some groups, the contacts of some sources, the contacts of
 * some segments (saved filters), some contacts by id and the members of some lists.
 */
export interface AudienceSpec {
  workspaceId: string;
  groupIds: string[];
  sourceIds: string[];
  segmentIds?: string[];
  contactIds?: string[];
  /** Lists of explicit contacts (AddListMembersCommand), e.g. a campaign's recipients added one by one. */
  listIds?: string[];
}

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
}
