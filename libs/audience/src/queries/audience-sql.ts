import { isUUID } from 'class-validator';
import type { AudienceSpec } from './audience-spec';

/** The columns BuildAudienceSelectQuery documents, in its order. */
export const AUDIENCE_COLUMNS =
  "c.id AS contact_id, c.phone, c.first_name, c.last_name, c.email, COALESCE(c.custom_fields, '{}') AS custom_fields, c.opted_out";

/**
 * Ids that cannot exist are dropped before they reach Postgres (a malformed uuid would fail the
 * whole statement instead of simply matching nothing).
 */
export const validIds = (ids: string[]) => [...new Set(ids.filter((id) => isUUID(id)))];

/**
 * The audience as a SELECT over `contacts c`: one row per distinct contact that is a member of one
 * of the groups or comes from one of the sources, all within the workspace. `IN (… UNION ALL …)` is
 * a semi-join, so overlapping groups never duplicate a contact, and Postgres can hash the members
 * once instead of probing per contact. Groups are re-checked against the workspace so a foreign
 * group id matches nothing.
 */
export function audienceSelect(spec: AudienceSpec, firstParam = 1, columns = AUDIENCE_COLUMNS): { sql: string; params: unknown[] } {
  const [ws, groups, sources] = [`$${firstParam}`, `$${firstParam + 1}`, `$${firstParam + 2}`];
  const sql = `SELECT ${columns} FROM contacts c
    WHERE c.workspace_id = ${ws}::uuid AND c.id IN (
      SELECT gm.contact_id FROM group_members gm
        WHERE gm.group_id IN (SELECT g.id FROM groups g WHERE g.workspace_id = ${ws}::uuid AND g.id = ANY(${groups}::uuid[]))
      UNION ALL
      SELECT s.id FROM contacts s WHERE s.workspace_id = ${ws}::uuid AND s.source_id = ANY(${sources}::uuid[]))`;
  return { sql, params: [spec.workspaceId, validIds(spec.groupIds), validIds(spec.sourceIds)] };
}
