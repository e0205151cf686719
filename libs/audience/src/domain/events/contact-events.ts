/** The public webhook names of a contact's opt-out changes (outbound webhooks subscribe to them). */
export const CONTACT_EVENTS = {
  optedOut: 'contact.opted_out',
  optedIn: 'contact.opted_in',
} as const;

export const CONTACT_EVENT_TYPES: readonly string[] = Object.values(CONTACT_EVENTS);
