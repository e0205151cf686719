import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

export interface FieldCoverage {
  total_recipients: number;
  coverage: Record<string, { present: number; missing: number }>;
}

/**
 * For each field (`phone`, `first_name`, `last_name`, `email`, `custom_fields.<key>`), how many
 * messageable contacts of the audience have a non-empty value. Unknown field names: 400 INVALID_FIELD.
 */
export class AudienceFieldCoverageQuery extends Query<FieldCoverage> {
  constructor(
    readonly spec: AudienceSpec,
    readonly fields: string[],
  ) {
    super();
  }
}
