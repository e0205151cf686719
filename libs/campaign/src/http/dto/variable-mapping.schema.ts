import type { ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';

/** Where one placeholder's value comes from: a contact field (bare name or with a fallback) or a constant. */
const SOURCE: SchemaObject = {
  oneOf: [
    { type: 'string', description: 'Contact field shorthand: phone, first_name, last_name, email or custom_fields.<key>', example: 'first_name' },
    {
      type: 'object',
      required: ['field'],
      properties: {
        field: { type: 'string', example: 'custom_fields.order_id' },
        fallback: { type: 'string', description: 'Used when the contact has no value; without one the recipient is skipped (MISSING_VARIABLE)' },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['value'],
      properties: { value: { oneOf: [{ type: 'string' }, { type: 'number' }], description: 'The same constant for every recipient' } },
      additionalProperties: false,
    },
  ],
};

const PLACEHOLDERS = { type: 'object' as const, description: 'Keyed by placeholder number ("1", "2", …)', additionalProperties: SOURCE };

/** The variable-mapping grammar, as validated on create and update (422 INVALID_VARIABLE_MAPPING lists every problem). */
export const VARIABLE_MAPPING_SCHEMA: ApiPropertyOptions & { description: string } = {
  type: 'object',
  description:
    'Maps every `{{n}}` placeholder of the template, and nothing else, to a contact field or a constant. `buttons` is keyed ' +
    'by the button index within the BUTTONS component.',
  properties: {
    header: PLACEHOLDERS,
    body: PLACEHOLDERS,
    buttons: { type: 'object', additionalProperties: PLACEHOLDERS },
  },
  additionalProperties: false,
  example: { body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' } } },
};
