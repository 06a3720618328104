import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../../scripts/lib/restart-policy.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

describe('RestartPolicy', () => {
  it('restarts 5 times within 60 s, with growing waits, then gives up', () => {
    const clock = fakeClock();
    const policy = new RestartPolicy({ now: clock.now });
    const decisions = Array.from({ length: 6 }, () => {
      const decision = policy.onExit();
      clock.advance(1_000);
      return decision;
    });
    expect(decisions).toEqual([
      { restart: true, attempt: 1, limit: 5, delayMs: 1_000 },
      { restart: true, attempt: 2, limit: 5, delayMs: 2_000 },
      { restart: true, attempt: 3, limit: 5, delayMs: 4_000 },
      { restart: true, attempt: 4, limit: 5, delayMs: 8_000 },
      { restart: true, attempt: 5, limit: 5, delayMs: 10_000 },
      { restart: false, limit: 5, windowMs: 60_000 },
    ]);
  });

  it('stays given up while the crashes are within the window', () => {
    const clock = fakeClock();
    const policy = new RestartPolicy({ now: clock.now });
    for (let index = 0; index < 5; index += 1) policy.onExit();
    clock.advance(59_999);
    expect(policy.onExit().restart).toBe(false);
  });

  it('always restarts a part that crashes now and then', () => {
    const clock = fakeClock();
    const policy = new RestartPolicy({ now: clock.now });
    for (let index = 0; index < 50; index += 1) {
      expect(policy.onExit()).toEqual({ restart: true, attempt: 1, limit: 5, delayMs: 1_000 });
      clock.advance(60_000);
    }
  });

  it('counts only the restarts of the last window (a sliding window)', () => {
    const clock = fakeClock();
    const policy = new RestartPolicy({ maxRestarts: 2, windowMs: 10_000, firstDelayMs: 100, now: clock.now });
    expect(policy.onExit()).toMatchObject({ restart: true, attempt: 1 });
    clock.advance(6_000);
    expect(policy.onExit()).toMatchObject({ restart: true, attempt: 2, delayMs: 200 });
    clock.advance(1_000);
    expect(policy.onExit()).toEqual({ restart: false, limit: 2, windowMs: 10_000 });
    // The first restart leaves the window: one more is allowed.
    clock.advance(3_000);
    expect(policy.onExit()).toMatchObject({ restart: true, attempt: 2 });
  });
});
