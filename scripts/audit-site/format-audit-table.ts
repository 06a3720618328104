import { CATEGORIES } from './read-lighthouse-result.js';
import type { PageSummary } from './summarize-runs.js';

/** Every category's goal. */
const SCORE_GOAL = 100;

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (met: boolean): string => (met ? '' : ' ✗');

/**
 * A Markdown table of the medians per page, each value marked ✗ when it misses its goal (100 per
 * category; the page's byte budget, when it has one), and the goals underneath.
 */
export function formatAuditTable(pages: PageSummary[]): string {
  const header = ['page', 'runs', ...CATEGORIES, 'transferred', 'JavaScript'];
  const rows = pages.map((page) => [
    `${page.name} (${page.path})`,
    String(page.runs),
    ...CATEGORIES.map((category) => {
      const score = page.scores[category];
      return score === null ? 'n/a ✗' : `${String(score)}${mark(score >= SCORE_GOAL)}`;
    }),
    `${kilobytes(page.transferBytes)}${mark(page.byteBudget === null || page.transferBytes <= page.byteBudget)}`,
    kilobytes(page.scriptBytes),
  ]);
  const goals = pages
    .filter((page) => page.byteBudget !== null)
    .map((page) => `${page.name} ≤ ${kilobytes(page.byteBudget ?? 0)} transferred`);
  return [
    `| ${header.join(' | ')} |`,
    `| --- | ${header
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Goal: ${String(SCORE_GOAL)} in each category on every page; ${goals.join('; ') || 'no byte budget'}. ✗ marks a missed goal.`,
    'Medians of the runs; Lighthouse default (mobile) settings with simulated throttling.',
    ...pages.flatMap((page) =>
      page.failing.length === 0
        ? []
        : ['', `${page.name}, audits that did not pass:`, ...page.failing.map((line) => `- ${line}`)],
    ),
  ].join('\n');
}
