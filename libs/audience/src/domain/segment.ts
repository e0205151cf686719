import { isUUID } from 'class-validator';
import { MAX_CUSTOM_FIELD_KEY, MAX_CUSTOM_FIELD_VALUE } from './custom-fields';

export const MAX_SEGMENT_CONDITIONS = 50;
export const MAX_IN_VALUES = 1_000;
const MAX_REF_IDS = 100;

export const CUSTOM_FIELD_OPS = ['eq', 'neq', 'in', 'exists', 'not_exists', 'gt', 'lt', 'contains'] as const;
export const MEMBERSHIP_OPS = ['in', 'not_in'] as const;
export const CAMPAIGN_OUTCOMES = ['sent', 'received', 'read', 'failed'] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];
export type Scalar = string | number | boolean;

/**
 * One condition of a segment:
 * - `custom_fields.<key>` with eq/neq/in/exists/not_exists/gt/lt/contains;
 * - `created_at` with gt/lt (ISO date);
 * - `group` / `source` with in/not_in (ids);
 * - `campaign` with sent/received/read/failed (a campaign id): what happened to the contact in that campaign.
 */
export type SegmentCondition =
  | { field: `custom_fields.${string}`; op: (typeof CUSTOM_FIELD_OPS)[number]; value?: Scalar | Scalar[] }
  | { field: 'created_at'; op: 'gt' | 'lt'; value: string }
  | { field: 'group' | 'source'; op: (typeof MEMBERSHIP_OPS)[number]; value: string[] }
  | { field: 'campaign'; op: CampaignOutcome; value: string };

export interface SegmentDefinition {
  match: 'all' | 'any';
  conditions: SegmentCondition[];
}

export interface SegmentProblem {
  /** `conditions[2]`, `match`, … */
  condition: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
export const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));
const isScalar = (v: unknown): v is Scalar =>
  (typeof v === 'string' && v.length <= MAX_CUSTOM_FIELD_VALUE) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of a segment definition, each naming its condition; [] when it is valid. */
export function segmentProblems(def: { match?: unknown; conditions?: unknown }): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  if (def.match !== 'all' && def.match !== 'any') problems.push({ condition: 'match', message: 'match must be "all" or "any"' });
  if (!Array.isArray(def.conditions) || !def.conditions.length || def.conditions.length > MAX_SEGMENT_CONDITIONS) {
    problems.push({ condition: 'conditions', message: `conditions must be an array of 1-${MAX_SEGMENT_CONDITIONS} conditions` });
    return problems;
  }
  def.conditions.forEach((c, i) => {
    const message = conditionProblem(c);
    if (message) problems.push({ condition: `conditions[${i}]`, message });
  });
  return problems;
}

function conditionProblem(c: unknown): string | null {
  if (!isPlainObject(c)) return 'a condition is an object {field, op, value}';
  const extra = Object.keys(c).filter((k) => !['field', 'op', 'value'].includes(k));
  if (extra.length) return `unknown propert${extra.length > 1 ? 'ies' : 'y'} ${extra.map((k) => k.slice(0, 40)).join(', ')}`;
  const { field, op, value } = c;
  if (typeof field !== 'string') return 'field must be a string';
  if (field.startsWith('custom_fields.')) {
    const key = field.slice(14);
    if (!key.length || key.length > MAX_CUSTOM_FIELD_KEY) return `the custom field key must be 1-${MAX_CUSTOM_FIELD_KEY} characters`;
    if (!CUSTOM_FIELD_OPS.includes(op as never)) return `op for ${field.slice(0, 80)} must be one of ${CUSTOM_FIELD_OPS.join(', ')}`;
    switch (op) {
      case 'exists':
      case 'not_exists':
        return value === undefined ? null : `${op} takes no value`;
      case 'in':
        return Array.isArray(value) && value.length >= 1 && value.length <= MAX_IN_VALUES && value.every(isScalar)
          ? null
          : `in needs value: an array of 1-${MAX_IN_VALUES} strings, numbers or booleans`;
      case 'gt':
      case 'lt':
        return (typeof value === 'number' && Number.isFinite(value)) || isIsoDate(value) ? null : `${op} needs value: a number or an ISO date`;
      case 'contains':
        return typeof value === 'string' && value.length >= 1 && value.length <= MAX_CUSTOM_FIELD_VALUE ? null : 'contains needs value: a non-empty string';
      default:
        return isScalar(value) ? null : `${op} needs value: a string, number or boolean`;
    }
  }
  switch (field) {
    case 'created_at':
      if (op !== 'gt' && op !== 'lt') return 'op for created_at must be gt or lt';
      return isIsoDate(value) ? null : `${op} needs value: an ISO date`;
    case 'group':
    case 'source':
      if (!MEMBERSHIP_OPS.includes(op as never)) return `op for ${field} must be in or not_in`;
      return Array.isArray(value) && value.length >= 1 && value.length <= MAX_REF_IDS && value.every((v) => typeof v === 'string' && isUUID(v))
        ? null
        : `${op} needs value: an array of 1-${MAX_REF_IDS} ${field} ids`;
    case 'campaign':
      if (!CAMPAIGN_OUTCOMES.includes(op as never)) return `op for campaign must be one of ${CAMPAIGN_OUTCOMES.join(', ')}`;
      return typeof value === 'string' && isUUID(value) ? null : `${op} needs value: a campaign id`;
    default:
      return `unknown field ${field.slice(0, 80)}: use custom_fields.<key>, created_at, group, source or campaign`;
  }
}

/** The group and source ids a definition refers to, so they can be checked to exist in the workspace. */
export function segmentRefs(def: SegmentDefinition): Array<{ condition: string; kind: 'group' | 'source'; ids: string[] }> {
  return def.conditions.flatMap((c, i) => (c.field === 'group' || c.field === 'source' ? [{ condition: `conditions[${i}]`, kind: c.field, ids: c.value }] : []));
}
