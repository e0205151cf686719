/**
 * Meta's positional placeholders: `{{1}}`, `{{2}}`… numbered from 1 in each component (header, body,
 * each URL button). Anything else between double braces, or a stray `{{`/`}}`, is rejected by Meta at
 * send time, so it is rejected here at registration.
 */
export interface PlaceholderScan {
  /** Distinct placeholder numbers, ascending, as strings: ["1", "2"]. */
  placeholders: string[];
  /** Empty when the text is well-formed. */
  problems: string[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const POSITIONAL = /^[1-9][0-9]{0,2}$/;

export function scanPlaceholders(text: string): PlaceholderScan {
  const problems: string[] = [];
  const numbers = new Set<number>();
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const start = m.index!;
    const end = start + m[0].length;
    // `{{{1}}}` would pass the regex on its inner part, but Meta reads it as a malformed placeholder.
    if (text[start - 1] === '{' || text[end] === '}') problems.push(`malformed placeholder near "${text.slice(Math.max(0, start - 1), end + 1)}"`);
    else if (POSITIONAL.test(m[1])) numbers.add(Number(m[1]));
    else problems.push(`invalid placeholder "${m[0]}": use {{1}}, {{2}}, …`);
    rest += text.slice(last, start) + '\u0000';
    last = end;
  }
  rest += text.slice(last);
  if (rest.includes('{{') || rest.includes('}}')) problems.push('unbalanced braces: "{{" and "}}" must enclose a placeholder number');

  const sorted = [...numbers].sort((a, b) => a - b);
  const missing = sorted.length ? range(1, sorted[sorted.length - 1]).filter((n) => !numbers.has(n)) : [];
  if (missing.length) problems.push(`placeholders must be numbered 1..n without gaps: missing ${missing.map((n) => `{{${n}}}`).join(', ')}`);
  return { placeholders: problems.length ? [] : sorted.map(String), problems };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
