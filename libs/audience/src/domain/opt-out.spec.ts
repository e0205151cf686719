import { DEFAULT_OPT_OUT_KEYWORDS, matchReply } from './opt-out';

describe('opt-out replies', () => {
  it('matches the whole reply, case-insensitively and trimmed', () => {
    expect(matchReply('  stop ', DEFAULT_OPT_OUT_KEYWORDS)).toEqual({ optIn: false, scope: 'MARKETING', keyword: 'STOP' });
    expect(matchReply('Unsubscribe', DEFAULT_OPT_OUT_KEYWORDS)).toEqual({ optIn: false, scope: 'MARKETING', keyword: 'UNSUBSCRIBE' });
    expect(matchReply('stop\t all', DEFAULT_OPT_OUT_KEYWORDS)).toEqual({ optIn: false, scope: 'ALL', keyword: 'STOP ALL' });
    expect(matchReply('START', DEFAULT_OPT_OUT_KEYWORDS)).toEqual({ optIn: true, keyword: 'START' });
  });

  it('ignores replies that only contain a keyword', () => {
    for (const text of ["don't stop", 'stop it', 'STOPP', '', '   ']) expect(matchReply(text, DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
  });

  it('uses the workspace keywords instead of the defaults', () => {
    const k = { optOut: ['ALTO'], optOutAll: [], optIn: ['VOLVER'] };
    expect(matchReply('alto', k)).toEqual({ optIn: false, scope: 'MARKETING', keyword: 'ALTO' });
    expect(matchReply('STOP', k)).toBeNull();
  });
});
