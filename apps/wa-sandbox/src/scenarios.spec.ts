import { parseScenario, pickScenario } from './scenarios';

describe('scenarios', () => {
  it('matches by exact phone (with or without +), suffix or regex, first rule wins', () => {
    const list = [
      parseScenario({ match: { phone: '+15550001111' }, error_code: 131026 }, 'a'),
      parseScenario({ suffix: '99', never_read: true }, 'b'),
      parseScenario({ regex: '^44', async_error_code: 131049 }, 'c'),
    ];
    expect(pickScenario(list, '15550001111')?.id).toBe('a');
    expect(pickScenario(list, '15550001199')?.id).toBe('b');
    expect(pickScenario(list, '447700900123')?.id).toBe('c');
    expect(pickScenario(list, '15550002222')).toBeUndefined();
  });

  it('stops applying a rule after `times` matches', () => {
    const list = [parseScenario({ phone: '15550001111', error_code: 131056, times: 1 }, 'a')];
    expect(pickScenario(list, '15550001111')?.error_code).toBe(131056);
    expect(pickScenario(list, '15550001111')).toBeUndefined();
  });

  it('rejects rules without a match or with bad values', () => {
    expect(() => parseScenario({ error_code: 131026 }, 'x')).toThrow(/match/);
    expect(() => parseScenario({ phone: '1555', error_code: 'x' }, 'x')).toThrow(/error_code/);
    expect(() => parseScenario({ phone: '1555', never_read: 'yes' }, 'x')).toThrow(/never_read/);
    expect(() => parseScenario({ regex: '(' }, 'x')).toThrow();
  });
});
