/** How far an opt-out goes: every message (`ALL`, the API's `opted_out`), or marketing templates only. */
export type OptOutScope = 'ALL' | 'MARKETING';

/** A contact's opt-out scope from its two flags (null: not opted out). */
export const optOutScopeOf = (c: { optedOut: boolean; marketingOptedOut: boolean }): OptOutScope | null =>
  c.optedOut ? 'ALL' : c.marketingOptedOut ? 'MARKETING' : null;

/** Why a contact opted out: a keyword reply (with the keyword), the API, or Meta's 131050 (the user stopped marketing). */
export type OptOutReason = `KEYWORD_REPLY:${string}` | 'API' | 'META_131050';

export interface OptOutChange {
  scope: OptOutScope;
  reason: OptOutReason;
  at: Date;
}

export interface OptOutKeywords {
  optOut: string[];
  optOutAll: string[];
  optIn: string[];
}

export const DEFAULT_OPT_OUT_KEYWORDS: Readonly<OptOutKeywords> = { optOut: ['STOP', 'UNSUBSCRIBE'], optOutAll: ['STOP ALL'], optIn: ['START'] };

/** Replies match case-insensitively, trimmed, with inner runs of whitespace read as one space. */
export const normaliseKeyword = (text: string): string => text.trim().replace(/\s+/g, ' ').toUpperCase();

export type ReplyAction = { optIn: false; scope: OptOutScope; keyword: string } | { optIn: true; keyword: string };

/** What a reply asks for, if it is one of the keywords (the whole reply, not a word in it: "don't stop" is no opt-out). */
export function matchReply(text: string, k: OptOutKeywords): ReplyAction | null {
  const said = normaliseKeyword(text);
  if (!said) return null;
  if (k.optOutAll.includes(said)) return { optIn: false, scope: 'ALL', keyword: said };
  if (k.optOut.includes(said)) return { optIn: false, scope: 'MARKETING', keyword: said };
  if (k.optIn.includes(said)) return { optIn: true, keyword: said };
  return null;
}

/** The data of `contact.opted_out` / `contact.opted_in`: the contact's opt-out state as it now stands. */
export function optOutPayload(c: { id: string; phone: string; optedOut: boolean; marketingOptedOut: boolean; optOutReason: OptOutReason | null; optedOutAt: Date | null }) {
  return {
    contact: {
      id: c.id,
      phone: c.phone,
      opted_out: c.optedOut,
      opt_out_scope: optOutScopeOf(c),
      opt_out_reason: c.optOutReason,
      opted_out_at: c.optedOutAt?.toISOString() ?? null,
    },
  };
}
