import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPageTotal } from '@app/platform';
import { TEMPLATE_COMPONENT_SCHEMA } from './template-component.schema';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '../../domain/template-status';
import type { TemplateCategory, TemplateStatus } from '../../queries/get-template/get-template.query';

export class TemplateVariablesDto {
  @ApiProperty({ type: [String], example: ['1'], description: 'Placeholders of the HEADER text' }) header: string[];
  @ApiProperty({ type: [String], example: ['1', '2'], description: 'Placeholders of the BODY text' }) body: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { '0': ['1'] },
    description: 'Placeholders of URL buttons, keyed by the button index within the BUTTONS component',
  })
  buttons: Record<string, string[]>;
}

export class TemplateResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "Meta's template id (set by sync or registration)" }) meta_template_id: string | null;
  @ApiProperty({ example: 'order_shipped' }) name: string;
  @ApiProperty({ example: 'en_US' }) language: string;
  @ApiProperty({ enum: TEMPLATE_CATEGORIES }) category: TemplateCategory;
  @ApiProperty({ enum: TEMPLATE_STATUSES, description: 'Only APPROVED templates can be sent' }) status: TemplateStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: "Meta's reason for the last status change, when it gave one" })
  status_reason: string | null;
  @ApiProperty({ type: 'array', items: TEMPLATE_COMPONENT_SCHEMA, description: "Meta's component array (HEADER/BODY/FOOTER/BUTTONS)" })
  components: Record<string, unknown>[];
  @ApiProperty({ type: TemplateVariablesDto, description: 'Derived from the `{{n}}` placeholders of the components' }) variables: TemplateVariablesDto;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class TemplateListResponseDto {
  @ApiProperty({ type: [TemplateResponseDto] }) data: TemplateResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

export class TemplateProblemDto {
  @ApiProperty({ example: 'components.1.text' }) path: string;
  @ApiProperty({ example: 'invalid placeholder "{{x}}": use {{1}}, {{2}}, …' }) message: string;
}

export class SkippedTemplateDto {
  @ApiPropertyOptional({ nullable: true, type: String }) meta_template_id: string | null;
  @ApiProperty() name: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: [TemplateProblemDto], description: 'Why the template cannot be used by this engine' }) problems: TemplateProblemDto[];
}

export class SyncTemplatesResponseDto {
  @ApiProperty({ type: 'integer', description: 'Templates new to this workspace' }) created: number;
  @ApiProperty({ type: 'integer', description: 'Existing templates whose Meta id, category, status or components changed' }) updated: number;
  @ApiProperty({ type: 'integer', description: 'Existing templates already up to date' }) unchanged: number;
  @ApiProperty({ type: [SkippedTemplateDto], description: 'Templates of the WABA this engine cannot send (not stored)' })
  skipped: SkippedTemplateDto[];
  @ApiProperty({ type: [TemplateResponseDto], description: 'Every template stored by this sync, created or not' }) templates: TemplateResponseDto[];
}
