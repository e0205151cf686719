import { toTemplateCategory, toTemplateStatus } from './template-status';

describe('toTemplateStatus', () => {
  it.each([
    ['APPROVED', 'APPROVED'],
    ['REINSTATED', 'APPROVED'],
    ['PENDING', 'PENDING'],
    ['IN_APPEAL', 'PENDING'],
    ['REJECTED', 'REJECTED'],
    ['PAUSED', 'PAUSED'],
    ['LIMIT_EXCEEDED', 'PAUSED'],
    ['DISABLED', 'DISABLED'],
    ['PENDING_DELETION', 'DISABLED'],
    ['DELETED', 'DISABLED'],
    ['ARCHIVED', 'DISABLED'],
    ['paused', 'PAUSED'],
  ])('%s -> %s', (meta, ours) => expect(toTemplateStatus(meta)).toBe(ours));

  it('ignores events that do not change whether the template can be sent', () => {
    expect(toTemplateStatus('FLAGGED')).toBeNull();
    expect(toTemplateStatus('SOMETHING_NEW')).toBeNull();
  });
});

describe('toTemplateCategory', () => {
  it('accepts the three current categories only', () => {
    expect(toTemplateCategory('marketing')).toBe('MARKETING');
    expect(toTemplateCategory('UTILITY')).toBe('UTILITY');
    expect(toTemplateCategory('AUTHENTICATION')).toBe('AUTHENTICATION');
    expect(toTemplateCategory('TRANSACTIONAL')).toBeNull();
  });
});
