export const SCOPES = [
  'campaigns:read',
  'campaigns:write',
  'campaigns:send',
  'contacts:read',
  'contacts:write',
  'templates:read',
  'templates:write',
  'channels:write',
  'webhooks:read',
  'webhooks:write',
] as const;

export type Scope = (typeof SCOPES)[number];
export const ALL_SCOPES = '*';

export function isScope(value: string): value is Scope | typeof ALL_SCOPES {
  return value === ALL_SCOPES || (SCOPES as readonly string[]).includes(value);
}
