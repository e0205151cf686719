import { PhoneLineSet } from './phone-line-set';

describe('PhoneLineSet', () => {
  it('answers the first line of a phone seen before, 0 for a new one', () => {
    const set = new PhoneLineSet(1000);
    expect(set.firstLine('+14155552671', 2)).toBe(0);
    expect(set.firstLine('+919612345678', 3)).toBe(0);
    expect(set.firstLine('+14155552671', 9)).toBe(2);
    expect(set.firstLine('+14155552672', 10)).toBe(0);
    expect(set.firstLine('+919612345678', 11)).toBe(3);
  });

  it('keeps every phone apart when filled to capacity', () => {
    const n = 50_000;
    const set = new PhoneLineSet(n);
    for (let i = 0; i < n; i++) expect(set.firstLine(`+1202${String(i * 7).padStart(7, '0')}`, i + 2)).toBe(0);
    for (let i = 0; i < n; i += 997) expect(set.firstLine(`+1202${String(i * 7).padStart(7, '0')}`, 1)).toBe(i + 2);
    // 15 digits: the largest E.164 numbers stay exact.
    expect(set.firstLine('+999999999999999', 5)).toBe(0);
    expect(set.firstLine('+999999999999998', 6)).toBe(0);
    expect(set.firstLine('+999999999999999', 7)).toBe(5);
  });

  it('refuses more phones than it has room for rather than loop', () => {
    const set = new PhoneLineSet(4);
    expect(() => {
      for (let i = 0; i < 100; i++) set.firstLine(`+1202555${String(i).padStart(4, '0')}`, i);
    }).toThrow('full');
  });
});
