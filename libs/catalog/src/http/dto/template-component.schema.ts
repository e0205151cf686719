import type { SchemaObject } from '@nestjs/swagger';

/**
 * One component of a WhatsApp template as Meta defines it. Meta adds fields over time (examples, OTP
 * buttons…), so unknown keys are kept and passed through rather than refused.
 */
export const TEMPLATE_COMPONENT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] },
    format: { type: 'string', description: 'HEADER only: TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION', example: 'TEXT' },
    text: { type: 'string', description: 'May contain `{{1}}`, `{{2}}`… placeholders', example: 'Your order {{1}} ships on {{2}}.' },
    buttons: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: {
          type: { type: 'string', example: 'URL', description: 'URL, QUICK_REPLY, PHONE_NUMBER, COPY_CODE, OTP…' },
          text: { type: 'string' },
          url: { type: 'string', description: 'URL buttons: may end with `{{1}}`' },
          phone_number: { type: 'string' },
        },
        additionalProperties: true,
      },
    },
  },
  additionalProperties: true,
};
