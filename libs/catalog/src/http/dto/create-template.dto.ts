import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { TEMPLATE_COMPONENT_SCHEMA } from './template-component.schema';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '../../domain/template-status';
import type { TemplateCategory, TemplateStatus } from '../../queries/get-template/get-template.query';

export class CreateTemplateDto {
  @ApiProperty({ example: 'order_shipped', description: "Meta's template name: lower-case letters, digits and underscores" })
  @IsString() @Matches(/^[a-z0-9_]{1,512}$/, { message: 'name must be 1-512 lower-case letters, digits or underscores' })
  name: string;

  @ApiProperty({ example: 'en_US', description: 'Meta language code' })
  @IsString() @Matches(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, { message: 'language must be a Meta language code such as en or en_US' })
  language: string;

  @ApiProperty({ enum: TEMPLATE_CATEGORIES })
  @IsIn(TEMPLATE_CATEGORIES)
  category: TemplateCategory;

  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES, default: 'APPROVED', description: 'The operator vouches for the status' })
  @IsOptional() @IsIn(TEMPLATE_STATUSES)
  status?: TemplateStatus;

  @ApiPropertyOptional({ example: '1234567890', description: "Meta's template id, when known (sync fills it in otherwise)" })
  @IsOptional() @IsString() @Matches(/^[0-9]{1,32}$/, { message: 'meta_template_id must be a numeric Meta id' })
  meta_template_id?: string;

  @ApiProperty({
    type: 'array',
    items: TEMPLATE_COMPONENT_SCHEMA,
    description:
      "Meta's component array: exactly one BODY with text, at most one HEADER, FOOTER and BUTTONS. Placeholders are " +
      '`{{1}}`, `{{2}}`… numbered without gaps per component; a URL button may end with `{{1}}`. Malformed: 400 INVALID_TEMPLATE.',
    example: [
      { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}' },
      { type: 'BODY', text: 'Your order {{1}} ships on {{2}}.' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' }] },
    ],
  })
  @IsArray()
  components: Record<string, unknown>[];
}
