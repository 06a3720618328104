import type { Element } from 'hast';
import type { ListNode } from '@lm/shared';
import { collectInline, textRunsOf, type TextRun } from './collect-inline.js';
import { isElement } from './hast-query.js';
import { isBlank, mergeRuns, normalizeRuns, runsToInline } from './runs-to-inline.js';
import type { WarningSink } from './warning-sink.js';

/**
 * Strapi Blocks have no tables, so a table becomes an unordered list with one item per row, cells
 * joined by " | " and the header row in bold. The text survives; the layout does not, hence the
 * warning. Returns null for a table without any text.
 */
export function tableToList(table: Element, sink: WarningSink): ListNode | null {
  sink.warn(table, 'table flattened into a list of rows (cells joined by " | "): Strapi rich text has no tables');
  const children: ListNode['children'] = [];
  for (const { row, header } of rowsOf(table)) {
    const cells = row.children.filter((cell) => isElement(cell, 'th', 'td'));
    const cellRuns = cells.map((cell) =>
      normalizeRuns(textRunsOf(collectInline(cell.children, sink), sink, 'a table cell')),
    );
    if (cellRuns.every(isBlank)) continue;
    const bold = header || cells.every((cell) => cell.tagName === 'th');
    const separator: TextRun = { kind: 'text', text: ' | ', marks: {}, link: null };
    const joined = cellRuns.flatMap((runs, index) => (index === 0 ? runs : [separator, ...runs]));
    const runs = bold ? joined.map((run) => ({ ...run, marks: { ...run.marks, bold: true as const } })) : joined;
    children.push({ type: 'list-item', children: runsToInline(mergeRuns(runs)) });
  }
  return children.length === 0 ? null : { type: 'list', format: 'unordered', children };
}

/** The rows in document order, whether they sit in thead/tbody/tfoot or directly in the table. */
function rowsOf(table: Element): Array<{ row: Element; header: boolean }> {
  return table.children.flatMap((child) => {
    if (isElement(child, 'tr')) return [{ row: child, header: false }];
    if (!isElement(child, 'thead', 'tbody', 'tfoot')) return [];
    const header = child.tagName === 'thead';
    return child.children.filter((row) => isElement(row, 'tr')).map((row) => ({ row, header }));
  });
}
