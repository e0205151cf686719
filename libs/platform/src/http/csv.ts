/** Text a spreadsheet would evaluate as a formula when the file is opened. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (an E.164 phone, a negative count) is read as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Exports carry text that recipients and Meta wrote (names, error messages): a cell that would start a
 * formula gets a leading apostrophe, which spreadsheets show as text instead of evaluating it.
 */
function neutralised(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** RFC 4180 CSV: a field with a comma, quote, CR or LF is quoted, quotes doubled; lines end with CRLF. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = neutralised(value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
