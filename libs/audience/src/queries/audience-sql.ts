import { isUUID } from 'class-validator';
import { type AudienceSpec, optedOutSql } from './audience-spec';

/** The columns BuildAudienceSelectQuery documents, in its order (`opted_out` is always added last). */
export const AUDIENCE_COLUMNS =
  "c.id AS contact_id, c.phone, c.first_name, c.last_name, c.email, COALESCE(c.custom_fields, '{}') AS custom_fields";

/**
 * Ids that cannot exist are dropped before they reach Postgres (a malformed uuid would fail the
 * whole statement instead of simply matching nothing).
 */
export const validIds = (ids: string[]) => [...new Set(ids.filter((id) => isUUID(id)))];

/**
 * The audience as a SELECT over `contacts c`: one row per distinct contact that is a member of one
 * of the groups or comes from one of the sources. Written as a semi-join (EXISTS) plus the source
 * contacts that are in none of the groups (anti-join), so every contact appears once without a
 * DISTINCT, and Postgres can hash the memberships once (parallel hash semi-join) instead of probing
 * an index per contact. Tenancy rests on `c.workspace_id`: memberships only ever link a group and a
 * contact of the same workspace, so a foreign group id matches no contact of this one.
 */
export function audienceSelect(
  spec: AudienceSpec,
  firstParam = 1,
  columns = AUDIENCE_COLUMNS,
  contactIdRange?: [string, string],
): { sql: string; params: unknown[] } {
  const [ws, groups, sources, from, to] = [0, 1, 2, 3, 4].map((i) => `$${firstParam + i}`);
  // The range also bounds the memberships side, so a slice hashes only its own share of them.
  // Whether the contact opted out of this audience's kind of message (see AudienceSpec.templateCategory).
  columns = `${columns}, ${optedOutSql(spec)} AS opted_out`;
  const [inRange, gmInRange] = contactIdRange
    ? [` AND c.id BETWEEN ${from}::uuid AND ${to}::uuid`, ` AND gm.contact_id BETWEEN ${from}::uuid AND ${to}::uuid`]
    : ['', ''];
  const inGroups = `EXISTS (SELECT 1 FROM group_members gm WHERE gm.contact_id = c.id AND gm.group_id = ANY(${groups}::uuid[])${gmInRange})`;
  const sql = `SELECT ${columns} FROM contacts c WHERE c.workspace_id = ${ws}::uuid${inRange} AND ${inGroups}
    UNION ALL
    SELECT ${columns} FROM contacts c WHERE c.workspace_id = ${ws}::uuid${inRange} AND c.source_id = ANY(${sources}::uuid[]) AND NOT ${inGroups}`;
  return { sql, params: [spec.workspaceId, validIds(spec.groupIds), validIds(spec.sourceIds), ...(contactIdRange ?? [])] };
}
