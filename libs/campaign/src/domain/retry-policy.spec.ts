import { CodeNotRetryableError } from './campaign.errors';
import { DEFAULT_RETRY_CODES, retryCodes } from './retry-policy';

describe('retry policy', () => {
  it('retries transient and sender-side failures by default, never an opt-out or a number that cannot be messaged', () => {
    expect(DEFAULT_RETRY_CODES).toEqual(expect.arrayContaining(['131026', '131049', '130472', '131000', '130429', '131056', '190']));
    for (const never of ['131050', '131021', '100', 'OPTED_OUT', 'INVALID_PHONE', 'DISPATCH_UNCERTAIN']) expect(DEFAULT_RETRY_CODES).not.toContain(never);
    expect(retryCodes(undefined)).toEqual([...DEFAULT_RETRY_CODES]);
  });

  it('takes named codes once each and refuses the ones never retried', () => {
    expect(retryCodes(['132000', '132000', 'MISSING_VARIABLE'])).toEqual(['132000', 'MISSING_VARIABLE']);
    expect(() => retryCodes(['131026', '131050'])).toThrow(CodeNotRetryableError);
  });
});
