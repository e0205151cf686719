import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

/**
 * A parameterised SELECT producing one row per distinct contact of the audience (opted-out ones
 * included, flagged), with columns: contact_id uuid, phone text, first_name text, last_name text,
 * email text, custom_fields jsonb, opted_out boolean. Dispatch embeds it in one
 * `INSERT … SELECT` so materialising never streams rows through Node. Parameters are numbered from
 * `$<firstParam>` so the caller can put its own before them. With `contactIdRange` (inclusive bounds) only
 * the contacts whose id falls in it: disjoint ranges cut an audience into slices built concurrently.
 */
export class BuildAudienceSelectQuery extends Query<{ sql: string; params: unknown[] }> {
  constructor(
    readonly spec: AudienceSpec,
    readonly firstParam = 1,
    readonly contactIdRange?: [string, string],
  ) {
    super();
  }
}
