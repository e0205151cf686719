import { segmentProblems, segmentRefs } from './segment';

const ID = '3f1c9a70-6c55-4f3e-9e1f-0a4a1c1f2b7e';

describe('segmentProblems', () => {
  it('accepts every documented condition', () => {
    expect(
      segmentProblems({
        match: 'any',
        conditions: [
          { field: 'custom_fields.plan', op: 'eq', value: 'gold' },
          { field: 'custom_fields.plan', op: 'in', value: ['a', 1, true] },
          { field: 'custom_fields.plan', op: 'exists' },
          { field: 'custom_fields.score', op: 'gt', value: 3.5 },
          { field: 'custom_fields.birthday', op: 'lt', value: '2000-01-01' },
          { field: 'custom_fields.note', op: 'contains', value: 'x' },
          { field: 'created_at', op: 'gt', value: '2024-05-01T10:00:00Z' },
          { field: 'group', op: 'not_in', value: [ID] },
          { field: 'campaign', op: 'received', value: ID },
        ],
      }),
    ).toEqual([]);
  });

  it('names each bad condition', () => {
    expect(
      segmentProblems({
        match: 'all',
        conditions: [
          { field: 'custom_fields.plan', op: 'eq', value: 'gold' },
          { field: 'custom_fields.plan', op: 'exists', value: 1 },
          { field: 'created_at', op: 'eq', value: '2024-01-01' },
          { field: 'campaign', op: 'opened', value: ID },
          { field: 'group', op: 'in', value: ['nope'] },
          { field: 'custom_fields.x', op: 'gt', value: 'soon' },
          { field: 'custom_fields.x', op: 'eq', value: 1, extra: true },
          'eq',
        ],
      }).map((p) => p.condition),
    ).toEqual(['conditions[1]', 'conditions[2]', 'conditions[3]', 'conditions[4]', 'conditions[5]', 'conditions[6]', 'conditions[7]']);
    expect(segmentProblems({ match: 'both', conditions: [] }).map((p) => p.condition)).toEqual(['match', 'conditions']);
  });
});

describe('segmentRefs', () => {
  it('lists the groups and sources a definition refers to', () => {
    expect(segmentRefs({ match: 'all', conditions: [{ field: 'source', op: 'in', value: [ID] }, { field: 'created_at', op: 'gt', value: '2024-01-01' }] })).toEqual([
      { condition: 'conditions[0]', kind: 'source', ids: [ID] },
    ]);
  });
});
