import type { ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';

/** Where one placeholder's value comes from: a contact field (bare name or with a fallback) or a constant. */
const SOURCE: SchemaObject = {
  oneOf: [
    { type: 'string', description: 'Contact field shorthand: phone, first_name, last_name, email or custom_fields.<key>', example: 'first_name' },
    {
      type: 'object',
      required: ['field'],
      properties: {
        field: {
          oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 }],
          description: 'A contact field, or up to 5 tried in order (the first with a value wins)',
          example: 'custom_fields.order_id',
        },
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

/** A DOCUMENT header's file name: the same for everyone, or a contact field (with a fallback). */
const FILENAME: SchemaObject = {
  oneOf: [
    { type: 'string', example: 'invoice.pdf' },
    { type: 'object', required: ['field'], properties: { field: { type: 'string' }, fallback: { type: 'string' } }, additionalProperties: false },
  ],
};

/** The asset of an IMAGE, VIDEO or DOCUMENT header: one https link for everyone, or each recipient's from a contact field. */
const MEDIA = {
  type: 'object' as const,
  // Each shape below closes itself.
  additionalProperties: true,
  oneOf: <SchemaObject[]>[
    { type: 'object', required: ['link'], properties: { link: { type: 'string', format: 'uri', example: 'https://example.com/invoice.pdf' }, filename: FILENAME }, additionalProperties: false },
    {
      type: 'object',
      required: ['field'],
      properties: { field: { type: 'string', example: 'custom_fields.invoice_url' }, fallback: { type: 'string', format: 'uri' }, filename: FILENAME },
      additionalProperties: false,
    },
  ],
};

/** The variable-mapping grammar, as validated on create and update (422 INVALID_VARIABLE_MAPPING lists every problem). */
export const VARIABLE_MAPPING_SCHEMA: ApiPropertyOptions & { description: string } = {
  type: 'object',
  description:
    'Maps every `{{n}}` placeholder of the template, and nothing else, to a contact field or a constant. `buttons` is keyed ' +
    'by the button index within the BUTTONS component. An IMAGE, VIDEO or DOCUMENT header takes `header.media` instead: ' +
    '`{link: "https://…"}` (one asset for everyone) or `{field: "custom_fields.invoice_url", fallback?}` (per recipient), plus ' +
    '`filename` for a DOCUMENT. Links must be https. Anything that does not fit the template is 422 INVALID_VARIABLE_MAPPING ' +
    'with every problem in `details`.',
  properties: {
    header: { ...PLACEHOLDERS, properties: { media: MEDIA }, description: 'Keyed by placeholder number, or `media` for a media header' },
    body: PLACEHOLDERS,
    buttons: { type: 'object', additionalProperties: PLACEHOLDERS },
  },
  additionalProperties: false,
  example: { body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' } } },
};
