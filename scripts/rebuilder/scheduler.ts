/** Cancels what `Scheduler.schedule` set up; calling it twice is harmless. */
export type Cancel = () => void;

/**
 * Time as the rebuild service sees it. Services take one as an argument, so tests drive debounce
 * windows and reconcile intervals with a fake instead of real waiting or patched globals.
 */
export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now. */
  schedule(callback: () => void, delayMs: number): Cancel;
}

/** The real clock and timers. */
export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule: (callback, delayMs) => {
    const timer = setTimeout(callback, delayMs);
    return () => {
      clearTimeout(timer);
    };
  },
};
