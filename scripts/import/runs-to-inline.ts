import type { InlineNode, TextNode } from '@lm/shared';
import type { LinkTarget, Mark, Marks, TextRun } from './collect-inline.js';

/**
 * Applies the rest of HTML's whitespace rules to runs whose whitespace is already collapsed: no
 * space at the start or end of a block or around a line break, and no two spaces across run
 * boundaries. Then merges neighbours with the same marks and link, and drops empty runs.
 */
export function normalizeRuns(runs: ReadonlyArray<TextRun>): TextRun[] {
  const result: TextRun[] = [];
  let afterSpace = true; // the start of a block behaves like a preceding space
  for (const run of runs) {
    if (run.text === '\n') {
      trimEnd(result, false);
      result.push(run);
      afterSpace = true;
      continue;
    }
    const text: string = afterSpace ? run.text.replace(/^ /, '') : run.text;
    if (text === '') continue;
    result.push({ ...run, text });
    afterSpace = text.endsWith(' ');
  }
  trimEnd(result, true);
  trimStart(result);
  return mergeRuns(result);
}

/** Merges neighbouring runs that share marks and link; used after normalizing or joining runs. */
export function mergeRuns(runs: ReadonlyArray<TextRun>): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.link?.source === run.link?.source && sameMarks(last.marks, run.marks)) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else if (run.text !== '') {
      merged.push(run);
    }
  }
  return merged;
}

/** True when the runs render nothing visible (only spaces, line breaks, non-breaking spaces). */
export function isBlank(runs: ReadonlyArray<TextRun>): boolean {
  return runs.every((run) => run.text.trim() === '');
}

/** Turns normalized runs into Blocks inline nodes, grouping the runs of one link into a link node. */
export function runsToInline(runs: ReadonlyArray<TextRun>): InlineNode[] {
  const nodes: InlineNode[] = [];
  let openLink: LinkTarget | null = null;
  for (const run of runs) {
    const text: TextNode = { type: 'text', text: run.text, ...run.marks };
    const last = nodes.at(-1);
    if (run.link && last?.type === 'link' && openLink?.source === run.link.source) {
      last.children.push(text);
    } else if (run.link) {
      nodes.push({ type: 'link', url: run.link.url, children: [text] });
    } else {
      nodes.push(text);
    }
    openLink = run.link;
  }
  return nodes;
}

/**
 * Removes trailing spaces before a line break; at the end of a block (`blockEnd`) also line breaks
 * and non-breaking spaces, which Jekyll sources carry as invisible leftovers of word processors.
 */
function trimEnd(runs: TextRun[], blockEnd: boolean): void {
  for (let last = runs.at(-1); last; last = runs.at(-1)) {
    if (last.text === '\n' && !blockEnd) return;
    const text = last.text === '\n' ? '' : last.text.replace(blockEnd ? /[ \u00a0]+$/ : / +$/, '');
    if (text !== '') {
      runs[runs.length - 1] = { ...last, text };
      return;
    }
    runs.pop();
  }
}

const MARKS: ReadonlyArray<Mark> = ['bold', 'italic', 'underline', 'strikethrough', 'code'];

/** Removes line breaks and (non-breaking) spaces at the start of a block. */
function trimStart(runs: TextRun[]): void {
  for (let first = runs[0]; first; first = runs[0]) {
    const text = first.text === '\n' ? '' : first.text.replace(/^[ \u00a0]+/, '');
    if (text !== '') {
      runs[0] = { ...first, text };
      return;
    }
    runs.shift();
  }
}

function sameMarks(left: Marks, right: Marks): boolean {
  return MARKS.every((mark) => left[mark] === right[mark]);
}
