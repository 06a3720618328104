/** What one collection's loader said it spent (its log line, see site/src/loaders/). */
export interface LoadTime {
  collection: string;
  entries: number;
  fetchMs: number;
  validateMs: number;
}

const LOAD_LINE = /\] (\d+) (modules|sections|pages) \(.*fetch (\d+) ms, validation (\d+) ms\) in (\d+) ms/;

/** The loaders' timings among a build's output lines (one per collection). */
export function loadTimes(lines: readonly string[]): LoadTime[] {
  return lines.flatMap((line) => {
    const match = LOAD_LINE.exec(line);
    if (!match) return [];
    const [, entries, collection, fetchMs, validateMs] = match;
    if (collection === undefined) return [];
    return [{ collection, entries: Number(entries), fetchMs: Number(fetchMs), validateMs: Number(validateMs) }];
  });
}

/**
 * The content sync's fetch and validation for a build. The collections load at the same time, so
 * the fetch is the longest collection's (wall clock, as the build waited), validation the sum
 * (it runs on the build's one thread).
 */
export function fetchAndValidation(times: readonly LoadTime[]): { fetchMs: number; validateMs: number } {
  return {
    fetchMs: Math.max(0, ...times.map((time) => time.fetchMs)),
    validateMs: times.reduce((sum, time) => sum + time.validateMs, 0),
  };
}
