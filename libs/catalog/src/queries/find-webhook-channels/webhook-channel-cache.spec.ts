import { WebhookChannelCache } from './webhook-channel-cache';

describe('WebhookChannelCache', () => {
  const channel = (id: string) => ({ id }) as never;

  it('answers repeated lookups of the same ids (in any order) from memory until cleared', async () => {
    const cache = new WebhookChannelCache();
    let loads = 0;
    const load = async () => (loads++, [channel(`c${loads}`)]);
    expect(await cache.get(['p1', 'p2'], ['w'], load)).toEqual([channel('c1')]);
    expect(await cache.get(['p2', 'p1'], ['w'], load)).toEqual([channel('c1')]);
    expect(loads).toBe(1);
    expect(await cache.get(['p1'], ['w'], load)).toEqual([channel('c2')]);
    cache.clear();
    expect(await cache.get(['p1', 'p2'], ['w'], load)).toEqual([channel('c3')]);
  });

  it('loads again once an entry is older than its time to live', async () => {
    const cache = new WebhookChannelCache();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    let loads = 0;
    const load = async () => (loads++, []);
    await cache.get(['p'], [], load);
    now.mockReturnValue(1_009_000);
    await cache.get(['p'], [], load);
    expect(loads).toBe(1);
    now.mockReturnValue(1_011_000);
    await cache.get(['p'], [], load);
    expect(loads).toBe(2);
    now.mockRestore();
  });
});
