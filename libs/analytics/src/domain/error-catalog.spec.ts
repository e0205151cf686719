import { RecipientErrorCode, UNKNOWN_ERROR_CODE } from '@app/dispatch';
import { describeError, ERROR_CATALOG } from './error-catalog';

/** Every Meta code the dispatcher classifies (see whatsapp.errors.ts), by class. */
const CLASSIFIED_META_CODES = [
  '130429', '131057', '131000', '131016', '1', '2', '4', '80007', // retry, slowing the channel
  '131056', // retry the recipient
  '131026', '131049', '131021', '131030', '131051', '132000', '132012', '100', '131050', // permanent
  '190', '131031', '131042', '132001', '132016', '368', // fatal
  '132015', '131048', // auto-pause
];

describe('error catalog', () => {
  it.each([...CLASSIFIED_META_CODES, ...Object.values(RecipientErrorCode), UNKNOWN_ERROR_CODE])('explains %s', (code) => {
    const entry = ERROR_CATALOG[code];
    expect(entry).toBeDefined();
    expect(entry.title.length).toBeGreaterThan(3);
    expect(entry.fix.length).toBeGreaterThan(10);
    expect(describeError(code, 'whatever Meta said')).toBe(entry);
  });

  it('covers the engine codes by their exact names', () => {
    expect(Object.values(RecipientErrorCode).sort()).toEqual(['CAMPAIGN_STOPPED', 'CONTACT_DELETED', 'DISPATCH_UNCERTAIN', 'DUPLICATE_PHONE', 'INVALID_PHONE', 'MISSING_VARIABLE', 'OPTED_OUT', 'REMOVED_FROM_AUDIENCE']);
  });

  it('keeps Meta\'s own message as the title of an unknown code', () => {
    expect(describeError('999999', '(#999999) Something new')).toEqual({ title: '(#999999) Something new', fix: expect.stringContaining('Meta') });
    expect(describeError('999999', null).title).toBe('Error 999999');
  });

  it('explains HTTP failures without a Meta code', () => {
    expect(describeError('HTTP_503', 'Service Unavailable').title).toBe('Graph API answered HTTP 503 without an error code');
    expect(describeError('HTTP_401', null).fix).toContain('credentials');
  });

  it('does not treat Object prototype names as codes', () => {
    expect(describeError('constructor', 'msg').title).toBe('msg');
    expect(describeError('__proto__', null).title).toBe('Error __proto__');
  });
});
