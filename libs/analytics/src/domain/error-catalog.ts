/**
 * What each recorded error code means and what the workspace can do about it: every Meta code the
 * dispatcher classifies, plus the engine's own codes. Titles follow Meta's published error titles; we
 * classify by code only, so a code's title here never changes its handling.
 */
export interface ErrorDescription {
  title: string;
  fix: string;
}

export const ERROR_CATALOG: Readonly<Record<string, ErrorDescription>> = {
  // Retried later, slowing the whole channel down.
  '1': { title: 'API unknown error', fix: 'Usually transient and retried automatically. If it persists, check the request and Meta\'s platform status.' },
  '2': { title: 'API service temporarily unavailable', fix: 'Retried automatically. If it persists, check Meta\'s platform status (metastatus.com).' },
  '4': { title: 'Application request limit reached', fix: 'The app hit its API call limit; lower the channel\'s messages_per_second or spread campaigns out.' },
  '80007': { title: 'WhatsApp Business Account rate limit hit', fix: 'The WABA hit its rate limit; the engine slowed down. Lower messages_per_second or run fewer campaigns at once.' },
  '130429': { title: 'Cloud API throughput rate limit hit', fix: 'More messages per second than the number allows; lower the channel\'s messages_per_second.' },
  '131000': { title: 'Something went wrong on Meta\'s side', fix: 'Retried automatically. If it persists, contact Meta support with the message details.' },
  '131016': { title: 'WhatsApp service temporarily unavailable', fix: 'Retried automatically once the service is back; check Meta\'s platform status if it persists.' },
  '131057': { title: 'Business account in maintenance mode', fix: 'The number is being upgraded (e.g. throughput upgrade); sends resume by themselves after a few minutes.' },
  // Retried for that recipient alone after a delay.
  '131056': { title: 'Pair rate limit hit (too many messages to this number)', fix: 'Too many messages to the same number in a short time; space messages to one recipient out (at least 6 s).' },
  // Permanent for the recipient.
  '100': { title: 'Invalid parameter', fix: 'A template parameter or the request is malformed; check the variable_mapping values against the template.' },
  '131021': { title: 'Recipient cannot be the sender', fix: 'Remove the channel\'s own phone number from the audience.' },
  '131026': { title: 'Message undeliverable', fix: 'The number is not on WhatsApp, has not accepted the latest terms or runs an old app version; verify the number.' },
  '131030': { title: 'Recipient not in the allowed list', fix: 'A test number can only message allowed recipients: add the number in the app dashboard, or use a production number.' },
  '131049': { title: 'Not delivered to maintain healthy ecosystem engagement', fix: 'Meta limits marketing messages a user receives; do not resend right away, try this recipient again later.' },
  '131050': {
    title: 'User stopped marketing messages',
    fix: 'The user opted out of marketing messages: the contact now has opt_out_scope MARKETING and is skipped by MARKETING campaigns only; UTILITY and AUTHENTICATION campaigns still reach it.',
  },
  '131051': { title: 'Unsupported message type', fix: 'The message type is not supported; check the template\'s components.' },
  '132000': { title: 'Template parameter count mismatch', fix: 'The number of parameters does not match the template\'s placeholders; map exactly the template\'s variables.' },
  '132012': { title: 'Template parameter format mismatch', fix: 'A parameter has the wrong format (e.g. header text vs media); check the mapped fields.' },
  // Fatal for the campaign.
  '190': { title: 'Access token expired or invalid', fix: 'Generate a new (system user) access token, update the channel, then create a new campaign for the rest.' },
  '368': { title: 'Temporarily blocked for policy violations', fix: 'Review the policy notices for the WhatsApp Business Account in Business Manager before sending again.' },
  '131031': { title: 'Business account locked', fix: 'The account was locked (policy or two-step PIN); resolve it in Business Manager.' },
  '131042': { title: 'Business eligibility payment issue', fix: 'Fix the payment method of the WhatsApp Business Account in Business Manager.' },
  '132001': { title: 'Template does not exist', fix: 'The template (name and language) does not exist or is not approved; sync templates and pick an approved one.' },
  '132016': { title: 'Template disabled', fix: 'Meta disabled the template for low quality; create a new template and a new campaign.' },
  // Auto-pause (resumable).
  '131048': { title: 'Spam rate limit hit', fix: 'Too many recipients blocked or reported your messages; improve targeting and content, then resume.' },
  '132015': { title: 'Template paused', fix: 'Meta paused the template for low quality; edit it or wait until it is active again, then resume.' },
  // The engine's own codes.
  MISSING_VARIABLE: { title: 'Template variable without a value', fix: 'Fill the contact field, or give the placeholder a fallback in variable_mapping.' },
  DISPATCH_UNCERTAIN: {
    title: 'Send outcome unknown',
    fix: 'The send was interrupted and WhatsApp never confirmed it; it was not repeated to avoid a duplicate. Check with the recipient if it matters.',
  },
  OPTED_OUT: { title: 'Contact opted out', fix: 'Nothing to do: opted-out contacts are never messaged.' },
  INVALID_PHONE: { title: 'Invalid phone number', fix: 'Correct the contact\'s phone number to E.164 (+ country code and number).' },
  DUPLICATE_PHONE: { title: 'Duplicate phone number', fix: 'Another contact of the audience has the same number; that number was messaged once.' },
  CONTACT_DELETED: { title: 'Contact deleted', fix: 'The contact was deleted after the campaign started; nothing was sent to it.' },
  REMOVED_FROM_AUDIENCE: {
    title: 'Removed from the audience',
    fix: 'The campaign\'s audience was replaced while it was paused and this contact was no longer in it; nothing was sent to it. Put the contact back in the audience before resuming to message it.',
  },
  CAMPAIGN_STOPPED: {
    title: 'Campaign stopped before this recipient was sent',
    fix: 'Nothing was sent to these recipients and a stopped campaign cannot resume (a retry sends its failures only); to reach them, clone the campaign or create a new campaign for them.',
  },
  UNKNOWN: { title: 'Failed without an error code', fix: 'WhatsApp reported the failure without details; check the recipient\'s number and the channel.' },
};

/**
 * Not a code recorded on a row: a stopped campaign's recipients that were never dispatched stay pending,
 * and the errors summary reports them under this code.
 */
export const CAMPAIGN_STOPPED = 'CAMPAIGN_STOPPED';
export const CAMPAIGN_STOPPED_MESSAGE = 'The campaign was stopped before this recipient was sent';

const UNKNOWN_CODE_FIX = 'Look the code up in Meta\'s WhatsApp Cloud API error reference.';

/** The catalog entry of a code; an unknown code keeps Meta's own message as its title. */
export function describeError(code: string, metaMessage: string | null): ErrorDescription {
  const known = Object.hasOwn(ERROR_CATALOG, code) ? ERROR_CATALOG[code] : undefined;
  if (known) return known;
  const http = /^HTTP_(\d{3})$/.exec(code);
  if (http) {
    return {
      title: `Graph API answered HTTP ${http[1]} without an error code`,
      fix: Number(http[1]) >= 500 ? 'Meta\'s side failed repeatedly; check Meta\'s platform status.' : 'Check the channel\'s api_base_url and credentials.',
    };
  }
  return { title: metaMessage ?? `Error ${code}`, fix: UNKNOWN_CODE_FIX };
}
