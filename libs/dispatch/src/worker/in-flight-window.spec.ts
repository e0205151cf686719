import { ASSUMED_LATENCY_MS, InFlightWindows, LatencySample, MIN_WINDOW, windowFor } from './in-flight-window';

describe('windowFor', () => {
  it("fills the channel at the observed latency (Little's law + 25 %)", () => {
    expect(windowFor(1000, 250, 1024)).toBe(313);
    expect(windowFor(1000, 500, 1024)).toBe(625);
    expect(windowFor(80, 300, 1024)).toBe(30);
  });

  it("never exceeds the pump's share, never drops under the minimum", () => {
    expect(windowFor(1000, 500, 256)).toBe(256);
    expect(windowFor(10, 1, 1024)).toBe(MIN_WINDOW);
    expect(windowFor(1000, 500, 2)).toBe(MIN_WINDOW);
  });
});

describe('LatencySample', () => {
  it('answers null until enough calls were measured, then the 90th percentile of the recent ones', () => {
    const s = new LatencySample();
    for (let i = 1; i <= 19; i++) s.add(i);
    expect(s.p90()).toBeNull();
    for (let i = 20; i <= 100; i++) s.add(i);
    expect(s.p90()).toBe(91);
    // Only the last 256 count: a channel that got slower is seen as slow.
    for (let i = 0; i < 256; i++) s.add(400);
    expect(s.p90()).toBe(400);
  });
});

describe('InFlightWindows', () => {
  it('shares the worker budget evenly between running pumps and sizes by each channel', () => {
    const w = new InFlightWindows({ DISPATCH_MAX_IN_FLIGHT: 1024 } as never);
    expect(w.windowFor('a', 1000)).toBe(Math.ceil(1000 * (ASSUMED_LATENCY_MS / 1000) * 1.25));
    const leave = [w.enter(), w.enter(), w.enter(), w.enter()];
    expect(w.windowFor('a', 1000)).toBe(256);
    for (let i = 0; i < 50; i++) w.observe('b', 100);
    expect(w.windowFor('b', 250)).toBe(32);
    leave[0]();
    leave[0](); // leaving twice counts once
    expect(w.windowFor('a', 1000)).toBe(341);
  });
});
