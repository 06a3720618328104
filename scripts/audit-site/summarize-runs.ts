import { CATEGORIES, type Category, type RunMeasure } from './read-lighthouse-result.js';

/** The median of each measure over a page's runs. */
export interface PageSummary {
  name: string;
  path: string;
  runs: number;
  scores: Record<Category, number | null>;
  transferBytes: number;
  scriptBytes: number;
  /** Audits that failed in any run, each with in how many runs, e.g. `seo: meta-description (…) in 3/3`. */
  failing: string[];
  /** Most bytes the page may transfer, when it has a budget. */
  byteBudget: number | null;
}

/** The median of `values` (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const high = sorted[middle];
  if (high === undefined) return null;
  const low = sorted[middle - 1];
  return sorted.length % 2 === 0 && low !== undefined ? (low + high) / 2 : high;
}

/** Medians of a page's runs; a category no run could score stays null. */
export function summarizeRuns(
  page: { name: string; path: string; byteBudget: number | null },
  runs: RunMeasure[],
): PageSummary {
  const scoreMedian = (category: Category): number | null =>
    median(runs.flatMap((run) => (run.scores[category] === null ? [] : [run.scores[category]])));
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, scoreMedian(category)]));
  return {
    ...page,
    runs: runs.length,
    scores: {
      performance: scores.performance ?? null,
      accessibility: scores.accessibility ?? null,
      'best-practices': scores['best-practices'] ?? null,
      seo: scores.seo ?? null,
    },
    transferBytes: median(runs.map((run) => run.transferBytes)) ?? 0,
    scriptBytes: median(runs.map((run) => run.scriptBytes)) ?? 0,
    failing: countFailing(runs),
  };
}

/** Each failing audit once, with the number of runs it failed in. */
function countFailing(runs: RunMeasure[]): string[] {
  const counts = new Map<string, number>();
  for (const line of runs.flatMap((run) => run.failing)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, count]) => `${line} in ${String(count)}/${String(runs.length)} runs`);
}
