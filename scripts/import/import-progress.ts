import cliProgress from 'cli-progress';

/** The stages of a run, in the order they happen. */
export const IMPORT_PHASES = ['reading', 'uploading', 'writing', 'publishing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Counts of a run as it goes: per phase, done out of total. */
export interface ImportProgress {
  /** Begins a phase with the number of things it will do (files, uploads, writes). */
  start(phase: ImportPhase, total: number): void;
  /** Counts one more done (or `by`). */
  advance(phase: ImportPhase, by?: number): void;
  /** Prints a message (a warning, a failure) without garbling the bars. */
  log(line: string): void;
  /** Ends the display; every later line is printed plainly. */
  stop(): void;
}

/** "[import] writing    250/1000 (25%)": one count line, phases aligned. */
export function progressLine(phase: ImportPhase, done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return `[import] ${phase.padEnd(10)} ${String(done).padStart(String(total).length)}/${String(total)} (${String(percent)}%)`;
}

/** Counts nothing and prints through `log`: for tests and callers that show no progress. */
export function silentProgress(log: (line: string) => void = () => undefined): ImportProgress {
  return { start: () => undefined, advance: () => undefined, log, stop: () => undefined };
}

/**
 * Count lines for logs, pipes and CI: one when a phase starts, then at most one every
 * `intervalMs` (never one per file), and one when it completes.
 */
export function plainProgress(
  write: (line: string) => void,
  { intervalMs = 2000, now = Date.now }: { intervalMs?: number; now?: () => number } = {},
): ImportProgress {
  const counts = new Map<ImportPhase, { done: number; total: number; printedAt: number }>();
  return {
    start(phase, total) {
      counts.set(phase, { done: 0, total, printedAt: now() });
      write(progressLine(phase, 0, total));
    },
    advance(phase, by = 1) {
      const count = counts.get(phase);
      if (count === undefined) return;
      count.done += by;
      const complete = count.done >= count.total;
      if (complete || now() - count.printedAt >= intervalMs) {
        count.printedAt = now();
        write(progressLine(phase, count.done, count.total));
      }
    },
    log: write,
    stop: () => undefined,
  };
}

/** Bars with counts on a terminal (one per phase), messages printed above them. */
export function ttyProgress(stream: NodeJS.WriteStream): ImportProgress {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: '[import] {phase} {bar} {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const byPhase = new Map<ImportPhase, cliProgress.SingleBar>();
  let stopped = false;
  return {
    start(phase, total) {
      byPhase.set(phase, bars.create(total, 0, { phase: phase.padEnd(10) }));
    },
    advance(phase, by = 1) {
      byPhase.get(phase)?.increment(by);
    },
    log(line) {
      if (stopped) stream.write(`${line}\n`);
      else bars.log(`${line}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bars.stop();
    },
  };
}

/** The display for `stream`: bars on a terminal, else plain count lines. */
export function progressFor(stream: NodeJS.WriteStream): ImportProgress {
  return stream.isTTY ? ttyProgress(stream) : plainProgress((line) => stream.write(`${line}\n`));
}
