import type { ElementContent, Element } from 'hast';
import type { ListNode } from '@lm/shared';
import { collectInline, textRunsOf } from './collect-inline.js';
import { isElement, isWhitespace } from './hast-query.js';
import { isBlank, normalizeRuns, runsToInline } from './runs-to-inline.js';
import type { WarningSink } from './warning-sink.js';

/**
 * Maps `<ul>`/`<ol>` to a Blocks list. A list nested in an item becomes a list node right after
 * that item, one indent level deeper: that is how Strapi's editor stores nested lists.
 * Returns null for a list without any text.
 */
export function listToBlock(list: Element, indentLevel: number, sink: WarningSink): ListNode | null {
  const children: ListNode['children'] = [];
  for (const child of list.children) {
    if (isElement(child, 'ul', 'ol')) pushList(children, listToBlock(child, indentLevel + 1, sink));
    else if (isElement(child, 'li')) addItem(child.children, indentLevel, children, sink);
    // Stray text in a list (invalid HTML, but parsers keep it) is shown by browsers, so keep it too.
    else if (child.type === 'text' && !isWhitespace(child)) addItem([child], indentLevel, children, sink);
  }
  if (children.length === 0) return null;
  const format = list.tagName === 'ol' ? 'ordered' : 'unordered';
  return indentLevel === 0 ? { type: 'list', format, children } : { type: 'list', format, indentLevel, children };
}

function addItem(
  nodes: ReadonlyArray<ElementContent>,
  indentLevel: number,
  out: ListNode['children'],
  sink: WarningSink,
): void {
  let pending: ElementContent[] = [];
  const flush = (): void => {
    const runs = normalizeRuns(textRunsOf(collectInline(pending, sink), sink, 'a list item'));
    if (!isBlank(runs)) out.push({ type: 'list-item', children: runsToInline(runs) });
    pending = [];
  };
  for (const node of nodes) {
    if (!isElement(node, 'ul', 'ol')) {
      pending.push(node);
      continue;
    }
    flush();
    pushList(out, listToBlock(node, indentLevel + 1, sink));
  }
  flush();
}

function pushList(out: ListNode['children'], list: ListNode | null): void {
  if (list) out.push(list);
}
