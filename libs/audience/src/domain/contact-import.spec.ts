import { importMappingProblems, resolveHeader } from './contact-import';
import { copyText, parseImportRecord } from './import-row';

describe('resolveHeader', () => {
  it('maps standard names case-insensitively and anything else to a custom field', () => {
    expect(resolveHeader([' Phone ', 'FIRST_NAME', 'Plan', ''], null)).toEqual({ targets: ['phone', 'first_name', 'custom_fields.Plan', null] });
  });
  it('lets the mapping rename or drop a column', () => {
    expect(resolveHeader(['Mobile', 'Notes'], { Mobile: 'phone', Notes: null })).toEqual({ targets: ['phone', null] });
  });
  it('needs a phone column and refuses two columns for one field', () => {
    expect(resolveHeader(['name'], null)).toEqual({ problem: expect.stringContaining('phone') });
    expect(resolveHeader(['phone', 'Mobile'], { Mobile: 'phone' })).toEqual({ problem: expect.stringContaining('both map to phone') });
    expect(resolveHeader(['phone', 'k'.repeat(65)], null)).toEqual({ problem: expect.stringContaining('longer than 64') });
  });
});

describe('importMappingProblems', () => {
  it('names the column whose target is unknown', () => {
    expect(importMappingProblems({ A: 'phone', B: 'telephone' })).toEqual([expect.stringContaining('mapping["B"]')]);
    expect(importMappingProblems([])).toHaveLength(1);
    expect(importMappingProblems({ A: 'custom_fields.' })).toHaveLength(1);
  });
});

describe('parseImportRecord', () => {
  const targets = resolveHeader(['phone', 'first_name', 'opted_out', 'timezone', 'tier'], null) as { targets: any[] };
  it('normalises the phone and keeps empty cells as not given', () => {
    expect(parseImportRecord(['+1 (415) 555-2671', '', 'yes', 'Europe/Paris', 'gold'], targets.targets)).toEqual({
      ok: true, phone: '+14155552671', firstName: null, lastName: null, email: null, optedOut: true,
      customFields: JSON.stringify({ timezone: 'Europe/Paris', tier: 'gold' }),
    });
  });
  it('rejects rows with a reason', () => {
    expect(parseImportRecord(['', 'a'], targets.targets)).toMatchObject({ ok: false, code: 'INVALID_PHONE' });
    expect(parseImportRecord(['+14155552671', 'a', 'maybe'], targets.targets)).toMatchObject({ ok: false, code: 'INVALID_OPTED_OUT' });
    expect(parseImportRecord(['+14155552671', 'a\u0000'], targets.targets)).toMatchObject({ ok: false, code: 'INVALID_CHARACTERS' });
  });
});

describe('copyText', () => {
  it('escapes what COPY text format treats specially', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText(7)).toBe('7');
  });
});
