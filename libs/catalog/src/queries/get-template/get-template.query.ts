import { Query } from '@nestjs/cqrs';

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';

/** Placeholders per component, derived from `{{n}}` in the components: body ["1","2"], buttons {"0": ["1"]}. */
export interface TemplateVariables {
  body: string[];
  header: string[];
  buttons: Record<string, string[]>;
}

export interface TemplateSummary {
  id: string;
  metaTemplateId: string | null;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  /** Meta's component array, as registered. */
  components: Record<string, unknown>[];
  variables: TemplateVariables;
}

/** Finds a template of the workspace by our UUID or by Meta's template id; null when there is none. */
export class GetTemplateQuery extends Query<TemplateSummary | null> {
  constructor(
    readonly workspaceId: string,
    readonly idOrMetaId: string,
  ) {
    super();
  }
}
