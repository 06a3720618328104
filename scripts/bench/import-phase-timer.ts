import { IMPORT_PHASES, type ImportPhase, type ImportProgress } from '../import/import-progress.js';

/** Progress that prints nothing and times each phase: from its start to its last count. */
export interface PhaseTimer extends ImportProgress {
  /** Milliseconds per phase that ran, in the order phases happen. */
  times(): Array<{ phase: ImportPhase; ms: number }>;
}

/** A {@link PhaseTimer}; `log` receives the run's messages (warnings, failures). */
export function phaseTimer(
  log: (line: string) => void,
  now: () => number = performance.now.bind(performance),
): PhaseTimer {
  const spans = new Map<ImportPhase, { start: number; end: number; done: number; total: number }>();
  return {
    start(phase, total) {
      // A phase started twice (two sites read in one run) keeps its first start.
      const span = spans.get(phase);
      spans.set(phase, {
        start: span?.start ?? now(),
        end: now(),
        done: span?.done ?? 0,
        total: (span?.total ?? 0) + total,
      });
    },
    advance(phase, by = 1) {
      const span = spans.get(phase);
      if (span === undefined) return;
      span.done += by;
      span.end = now();
    },
    log,
    stop: () => undefined,
    times: () =>
      IMPORT_PHASES.flatMap((phase) => {
        const span = spans.get(phase);
        return span === undefined ? [] : [{ phase, ms: span.end - span.start }];
      }),
  };
}
