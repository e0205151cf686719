import { countryZone, recipientZone } from './recipient-zone';

describe('recipient time zone', () => {
  it("takes the contact's own zone first", () => {
    expect(recipientZone('+12025550100', 'Asia/Tokyo', 'UTC')).toBe('Asia/Tokyo');
    expect(recipientZone('+12025550100', 'Not/AZone', 'UTC')).toBe('America/New_York');
  });

  it("else the phone number's country: its only zone, or its most populous one", () => {
    expect(recipientZone('+34612345678', null, 'UTC')).toBe('Europe/Madrid');
    expect(recipientZone('+14165550100', null, 'UTC')).toBe('America/Toronto');
    expect(recipientZone('+819012345678', null, 'UTC')).toBe('Asia/Tokyo');
    expect(recipientZone('+5511912345678', null, 'UTC')).toBe('America/Sao_Paulo');
    expect(recipientZone('+919812345678', null, 'UTC')).toBe('Asia/Kolkata');
  });

  it('else the fallback', () => {
    expect(recipientZone('+999123', null, 'Europe/Paris')).toBe('Europe/Paris');
    expect(countryZone('AQ')).toBeNull();
  });
});
