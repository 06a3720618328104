import type { CourseCheckReport, CourseIssue } from '@lm/shared';

const plural = (count: number, word: string) => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

function line(kind: 'error' | 'warning', issue: CourseIssue): string {
  const field = issue.path === null ? '' : ` [field: ${issue.path}]`;
  return `  ${kind.padEnd(7)} ${issue.message}${field}`;
}

/**
 * The report as `npm run check:content` prints it: a summary, then one line per problem (errors
 * first), each naming the module, section and page and the field to fix.
 */
export function formatCourseReport(report: CourseCheckReport, counts: { modules: number; pages: number }): string {
  const summary =
    `[check] ${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')} ` +
    `in ${plural(counts.modules, 'module')} and ${plural(counts.pages, 'page')} (drafts included).`;
  const lines = [
    ...report.errors.map((issue) => line('error', issue)),
    ...report.warnings.map((issue) => line('warning', issue)),
  ];
  const verdict =
    report.errors.length > 0
      ? '[check] Fix the errors before publishing: the CMS refuses to publish an entry that has one.'
      : '[check] Nothing blocks publishing.';
  return [summary, ...lines, verdict].join('\n');
}
