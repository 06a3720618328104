import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { BlockNode } from '@lm/shared';
import { collectInline, type InlineSegment, type TextRun } from './collect-inline.js';
import { BLOCK_TAGS, classNames, containsBlock, headingLevel, isElement } from './hast-query.js';
import { listToBlock } from './list-to-block.js';
import { isBlank, normalizeRuns, runsToInline } from './runs-to-inline.js';
import { tableToList } from './table-to-list.js';
import type { WarningSink } from './warning-sink.js';

/**
 * Maps flow content (what sits in a page or a `<div>`) to Strapi Blocks nodes, in order. Inline
 * content outside any `<p>` forms a paragraph of its own, as a browser would lay it out; wrapper
 * elements (`div`, `section`, an unknown tag…) contribute their children.
 */
export function hastToBlocks(nodes: ReadonlyArray<ElementContent>, sink: WarningSink): BlockNode[] {
  const blocks: BlockNode[] = [];
  let inline: ElementContent[] = [];
  const flush = (): void => {
    blocks.push(...paragraphBlocks(inline, sink));
    inline = [];
  };
  for (const node of nodes) {
    if (node.type !== 'element' || !(BLOCK_TAGS.has(node.tagName) || containsBlock(node))) {
      inline.push(node);
      continue;
    }
    flush();
    blocks.push(...elementBlocks(node, sink));
  }
  flush();
  return blocks;
}

function elementBlocks(element: Element, sink: WarningSink): BlockNode[] {
  const level = headingLevel(element);
  if (level)
    return withImages(collectInline(element.children, sink), (children) => ({ type: 'heading', level, children }));
  switch (element.tagName) {
    case 'p':
      return paragraphBlocks(element.children, sink);
    case 'blockquote':
      return withImages(collectInline(element.children, sink), (children) => ({ type: 'quote', children }));
    case 'ul':
    case 'ol':
      return optional(listToBlock(element, 0, sink));
    case 'table':
      return optional(tableToList(element, sink));
    case 'pre':
      return optional(codeBlock(element));
    case 'hr':
      sink.warn(element, 'dropped horizontal rule (<hr>): Strapi rich text has no separators');
      return [];
    default:
      return hastToBlocks(element.children, sink);
  }
}

/** A paragraph per stretch of text, with each image in between as a block of its own. */
function paragraphBlocks(nodes: ReadonlyArray<ElementContent>, sink: WarningSink): BlockNode[] {
  const blocks: BlockNode[] = [];
  let runs: TextRun[] = [];
  const flush = (): void => {
    const normalized = normalizeRuns(runs);
    if (!isBlank(normalized)) blocks.push({ type: 'paragraph', children: runsToInline(normalized) });
    runs = [];
  };
  for (const segment of collectInline(nodes, sink)) {
    if (segment.kind === 'text') {
      runs.push(segment);
      continue;
    }
    flush();
    blocks.push(segment.image);
  }
  flush();
  return blocks;
}

/**
 * One text block (heading, quote) built by `make`, followed by the images found inside it:
 * Blocks headings and quotes hold text only, and moving an image just below keeps it on the page.
 */
function withImages(
  segments: ReadonlyArray<InlineSegment>,
  make: (children: ReturnType<typeof runsToInline>) => BlockNode,
): BlockNode[] {
  const runs = normalizeRuns(segments.flatMap((segment) => (segment.kind === 'text' ? [segment] : [])));
  const images = segments.flatMap((segment) => (segment.kind === 'image' ? [segment.image] : []));
  return [...(isBlank(runs) ? [] : [make(runsToInline(runs))]), ...images];
}

/** `<pre><code class="language-js">` to a code block; the text is kept exactly, minus the final newline. */
function codeBlock(pre: Element): BlockNode | null {
  const code = pre.children.find((child) => isElement(child, 'code'));
  const language = [...(isElement(code) ? classNames(code) : []), ...classNames(pre)]
    .find((name) => name.startsWith('language-'))
    ?.slice('language-'.length);
  const text = toString(pre).replace(/\n$/, '');
  if (text.trim() === '') return null;
  const children = [{ type: 'text' as const, text }];
  return language ? { type: 'code', language, children } : { type: 'code', children };
}

function optional<T>(value: T | null): T[] {
  return value === null ? [] : [value];
}
