import { contactIdSlices } from './contact-id-slices';

describe('contactIdSlices', () => {
  it('is the whole uuid space for one slice', () => {
    expect(contactIdSlices(1)).toEqual([['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']]);
  });

  it('cuts it into contiguous, non-overlapping ranges of equal width', () => {
    expect(contactIdSlices(2)).toEqual([
      ['00000000-0000-0000-0000-000000000000', '7fffffff-ffff-ffff-ffff-ffffffffffff'],
      ['80000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
    ]);
    const three = contactIdSlices(3);
    expect(three.map(([lo]) => lo.slice(0, 8))).toEqual(['00000000', '55555555', 'aaaaaaaa']);
    three.slice(1).forEach(([lo], k) => expect(parseInt(lo.slice(0, 8), 16) - parseInt(three[k][1].slice(0, 8), 16)).toBe(1));
    expect(three[2][1]).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
  });

  it('puts every id in exactly one slice', () => {
    const slices = contactIdSlices(5);
    for (const id of ['00000000-0000-4000-8000-000000000000', '33333333-ffff-4fff-bfff-ffffffffffff', '33333334-0000-4000-8000-000000000000', 'c0ffee00-1234-4abc-9def-0123456789ab', 'ffffffff-ffff-4fff-bfff-ffffffffffff']) {
      expect(slices.filter(([lo, hi]) => id >= lo && id <= hi)).toHaveLength(1);
    }
  });
});
