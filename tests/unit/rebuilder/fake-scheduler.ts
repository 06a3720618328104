import type { Cancel, Scheduler } from '../../../scripts/rebuilder/scheduler.js';

interface Timer {
  at: number;
  order: number;
  callback: () => void;
}

/** Lets queued promise callbacks (a build finishing, a follow-up starting) run. */
export const settle = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * A scheduler whose time moves only when a test says so. `advance` fires due timers in time order
 * and lets promises settle after each, so async work triggered by a timer completes as it would.
 */
export class FakeScheduler implements Scheduler {
  #now = 1_700_000_000_000;
  #order = 0;
  #timers = new Set<Timer>();

  now(): number {
    return this.#now;
  }

  schedule(callback: () => void, delayMs: number): Cancel {
    const timer: Timer = { at: this.#now + delayMs, order: this.#order++, callback };
    this.#timers.add(timer);
    return () => {
      this.#timers.delete(timer);
    };
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.#timers.size;
  }

  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await settle();
    for (;;) {
      const next = [...this.#timers]
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.#timers.delete(next);
      this.#now = next.at;
      next.callback();
      await settle();
    }
    this.#now = target;
    await settle();
  }
}
