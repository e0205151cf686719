import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Scalar, SegmentCondition, SegmentDefinition } from '../domain/segment';
import { type AudienceSpec, optedOutSql } from './audience-spec';
import { CampaignOutcomeSqlQuery } from './campaign-outcome-sql/campaign-outcome-sql.query';

/** The columns BuildAudienceSelectQuery documents, in its order (`opted_out` is always added last). */
export const AUDIENCE_COLUMNS =
  "c.id AS contact_id, c.phone, c.first_name, c.last_name, c.email, COALESCE(c.custom_fields, '{}') AS custom_fields";

/**
 * Ids that cannot exist are dropped before they reach Postgres (a malformed uuid would fail the
 * whole statement instead of simply matching nothing).
 */
export const validIds = (ids: string[] | undefined) => [...new Set((ids ?? []).filter((id) => isUUID(id)))];

/** Numbered parameters of a statement being built, from `$<first>`. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly first: number) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}`;
  }
}

/**
 * Resolves audiences to SQL. An audience is the union of the members of some groups, the contacts of some
 * sources, some contacts by id and the contacts matching some segments, each contact once.
 */
@Injectable()
export class AudienceSql {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queries: QueryBus,
  ) {}

  /**
   * The audience as a SELECT over `contacts c`: one branch per kind of membership, each excluding the
   * contacts of the branches before it, so every contact appears once without a DISTINCT. Groups are a
   * semi-join (EXISTS) that Postgres can hash once (parallel hash semi-join) instead of probing an index
   * per contact. Tenancy rests on `c.workspace_id`: memberships only ever link a group and a contact of
   * the same workspace, and segments are loaded by workspace, so a foreign id matches nothing.
   */
  async select(spec: AudienceSpec, firstParam = 1, columns = AUDIENCE_COLUMNS, contactIdRange?: [string, string]): Promise<{ sql: string; params: unknown[] }> {
    const { branches, params } = await this.branches(spec, firstParam, columns, contactIdRange);
    return { sql: branches.join('\n    UNION ALL\n    '), params };
  }

  /**
   * A SELECT of `c.id` for at most one contact per branch who may be messaged: is there anyone to send to?
   * Each branch stops at its first match; through the UNION ALL of `select`, Postgres plans for the whole
   * audience even under EXISTS (hashing every membership: ~0.5 s at a million contacts, against a few ms).
   */
  async anyMessageable(spec: AudienceSpec): Promise<{ sql: string; params: unknown[] }> {
    const { branches, params } = await this.branches(spec, 1, 'c.id');
    return { sql: branches.map((b) => `(${b} AND NOT ${optedOutSql(spec)} LIMIT 1)`).join('\n    UNION ALL\n    '), params };
  }

  private async branches(spec: AudienceSpec, firstParam: number, columns: string, contactIdRange?: [string, string]): Promise<{ branches: string[]; params: unknown[] }> {
    const p = new SqlParams(firstParam);
    const ws = p.add(spec.workspaceId);
    // Whether the contact opted out of this audience's kind of message (see AudienceSpec.templateCategory).
    columns = `${columns}, ${optedOutSql(spec)} AS opted_out`;
    const groups = validIds(spec.groupIds);
    const sources = validIds(spec.sourceIds);
    // The range also bounds the memberships side, so a slice hashes only its own share of them.
    const range = contactIdRange ? [p.add(contactIdRange[0]), p.add(contactIdRange[1])] : null;
    const inRange = (col: string) => (range ? ` AND ${col} BETWEEN ${range[0]}::uuid AND ${range[1]}::uuid` : '');
    const base = `SELECT ${columns} FROM contacts c WHERE c.workspace_id = ${ws}::uuid${inRange('c.id')}`;
    const branches: string[] = [];
    const earlier: string[] = [];
    const add = (condition: string, excluded: string) => {
      branches.push(`${base} AND ${condition}${earlier.map((e) => ` AND ${e}`).join('')}`);
      earlier.push(excluded);
    };
    if (groups.length) {
      const inGroups = `EXISTS (SELECT 1 FROM group_members gm WHERE gm.contact_id = c.id AND gm.group_id = ANY(${p.add(groups)}::uuid[])${inRange('gm.contact_id')})`;
      add(inGroups, `NOT ${inGroups}`);
    }
    if (sources.length) {
      const s = p.add(sources);
      add(`c.source_id = ANY(${s}::uuid[])`, `(c.source_id = ANY(${s}::uuid[])) IS NOT TRUE`);
    }
    const others: string[] = [];
    const contactIds = validIds(spec.contactIds);
    if (contactIds.length) others.push(`c.id = ANY(${p.add(contactIds)}::uuid[])`);
    const lists = validIds(spec.listIds);
    if (lists.length) others.push(`EXISTS (SELECT 1 FROM audience_list_members lm WHERE lm.list_id = ANY(${p.add(lists)}::uuid[]) AND lm.contact_id = c.id)`);
    for (const def of await this.segments(spec)) others.push(await this.segmentPredicate(def, p));
    if (others.length) add(others.length > 1 ? `(${others.join(' OR ')})` : others[0], '');
    return { branches: branches.length ? branches : [`${base} AND false`], params: p.values };
  }

  /** A boolean SQL expression over `contacts c`: does the contact match the segment? */
  async segmentPredicate(def: SegmentDefinition, p: SqlParams): Promise<string> {
    const parts: string[] = [];
    for (const c of def.conditions) parts.push(await this.condition(c, p));
    return `(${parts.join(def.match === 'all' ? ' AND ' : ' OR ')})`;
  }

  private async segments(spec: AudienceSpec): Promise<SegmentDefinition[]> {
    const ids = validIds(spec.segmentIds);
    if (!ids.length) return [];
    const rows: Array<{ definition: SegmentDefinition }> = await this.db.query(
      `SELECT definition FROM segments WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`,
      [spec.workspaceId, ids],
    );
    return rows.map((r) => r.definition);
  }

  private async condition(c: SegmentCondition, p: SqlParams): Promise<string> {
    switch (c.field) {
      case 'created_at':
        return `c.created_at ${c.op === 'gt' ? '>' : '<'} ${p.add(c.value)}::timestamptz`;
      case 'group': {
        const member = `EXISTS (SELECT 1 FROM group_members gm WHERE gm.contact_id = c.id AND gm.group_id = ANY(${p.add(validIds(c.value))}::uuid[]))`;
        return c.op === 'in' ? member : `NOT ${member}`;
      }
      case 'source':
        return `(c.source_id = ANY(${p.add(validIds(c.value))}::uuid[])) IS ${c.op === 'in' ? 'TRUE' : 'NOT TRUE'}`;
      case 'campaign':
        return this.queries.execute(new CampaignOutcomeSqlQuery(c.op, p.add(c.value), 'c.id'));
      default:
        return customFieldCondition(c, p);
    }
  }
}

/**
 * Values a stored field may hold for a condition value: a CSV import stores text ("42", "true") where the
 * API may have stored the number or boolean, and a segment should not care which.
 */
function equivalents(v: Scalar): Scalar[] {
  if (typeof v !== 'string') return [v, String(v)];
  const out: Scalar[] = [v];
  if (/^-?\d+(\.\d+)?$/.test(v.trim()) && Number.isFinite(Number(v))) out.push(Number(v));
  if (v === 'true' || v === 'false') out.push(v === 'true');
  return out;
}

/** Equality as containment (`@>`), which the GIN index on custom_fields serves. */
function customFieldCondition(c: Extract<SegmentCondition, { field: `custom_fields.${string}` }>, p: SqlParams): string {
  const key = c.field.slice('custom_fields.'.length);
  const anyOf = (values: Scalar[]) => `(${values.flatMap(equivalents).map((v) => `c.custom_fields @> ${p.add(JSON.stringify({ [key]: v }))}::jsonb`).join(' OR ')})`;
  const value = () => `c.custom_fields -> ${p.add(key)}`;
  switch (c.op) {
    case 'eq':
      return anyOf([c.value as Scalar]);
    case 'in':
      return anyOf(c.value as Scalar[]);
    case 'neq':
      // A contact without the field is "not equal" too.
      return `${anyOf([c.value as Scalar])} IS NOT TRUE`;
    case 'exists':
      return `COALESCE(jsonb_typeof(${value()}), 'null') <> 'null'`;
    case 'not_exists':
      return `COALESCE(jsonb_typeof(${value()}), 'null') = 'null'`;
    case 'contains': {
      const pattern = `%${String(c.value).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      return `(c.custom_fields ->> ${p.add(key)}) ILIKE ${p.add(pattern)}`;
    }
    default: {
      const cmp = c.op === 'gt' ? '>' : '<';
      return typeof c.value === 'number'
        ? `audience_jsonb_number(${value()}) ${cmp} ${p.add(c.value)}::numeric`
        : `audience_jsonb_timestamptz(${value()}) ${cmp} ${p.add(c.value)}::timestamptz`;
    }
  }
}
