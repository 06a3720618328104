import type { Element, ElementContent } from 'hast';
import { importableUrlSchema } from './importable-url.js';
import { BLOCK_TAGS, collapseWhitespace, stringProperty } from './hast-query.js';
import { toImageNode, type ImageNode } from './to-image-node.js';
import type { WarningSink } from './warning-sink.js';

/** The text formats Blocks text nodes carry. */
export type Mark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';
export type Marks = Partial<Record<Mark, true>>;

/** The link a run of text belongs to; `source` tells two neighbouring links apart. */
export interface LinkTarget {
  url: string;
  source: Element;
}

/** A piece of text with one set of marks, whitespace collapsed; `"\n"` alone is a line break. */
export interface TextRun {
  kind: 'text';
  text: string;
  marks: Marks;
  link: LinkTarget | null;
}

/** Inline content in document order: text runs, and images that the caller places as blocks. */
export type InlineSegment = TextRun | { kind: 'image'; image: ImageNode; source: Element };

const MARK_OF_TAG = new Map<string, Mark>([
  ['strong', 'bold'],
  ['b', 'bold'],
  ['em', 'italic'],
  ['i', 'italic'],
  ['u', 'underline'],
  ['ins', 'underline'],
  ['del', 'strikethrough'],
  ['s', 'strikethrough'],
  ['strike', 'strikethrough'],
  ['code', 'code'],
  ['kbd', 'code'],
  ['samp', 'code'],
  ['tt', 'code'],
]);

/**
 * Flattens inline hast (text, marks, links, `<br>`, images) into segments. Block elements met on
 * the way (a `<p>` inside a list item) become line breaks, so their text is kept, not glued together.
 */
export function collectInline(nodes: ReadonlyArray<ElementContent>, sink: WarningSink): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const lineBreak = (marks: Marks, link: LinkTarget | null): void => {
    segments.push({ kind: 'text', text: '\n', marks, link });
  };
  const visit = (node: ElementContent, marks: Marks, link: LinkTarget | null): void => {
    if (node.type === 'text') {
      segments.push({ kind: 'text', text: collapseWhitespace(node.value), marks, link });
      return;
    }
    if (node.type !== 'element') return;
    if (node.tagName === 'br') {
      lineBreak(marks, link);
      return;
    }
    if (node.tagName === 'img') {
      const image = toImageNode(node, sink);
      if (image) segments.push({ kind: 'image', image, source: node });
      return;
    }
    const mark = MARK_OF_TAG.get(node.tagName);
    const innerMarks: Marks = mark ? { ...marks, [mark]: true } : marks;
    const innerLink = node.tagName === 'a' ? (linkOf(node, sink) ?? link) : link;
    const block = BLOCK_TAGS.has(node.tagName);
    // One break between blocks is enough; normalizeRuns trims any at the start or the end.
    const last = segments.at(-1);
    if (block && !(last?.kind === 'text' && last.text === '\n')) lineBreak(marks, link);
    for (const child of node.children) visit(child, innerMarks, innerLink);
    if (block) lineBreak(marks, link);
  };
  for (const node of nodes) visit(node, {}, null);
  return segments;
}

function linkOf(element: Element, sink: WarningSink): LinkTarget | null {
  const url = stringProperty(element, 'href')?.trim();
  if (!url) return null;
  if (!importableUrlSchema.safeParse(url).success) {
    sink.warn(element, `link to "${url}" kept as plain text: a link must start with http(s)://, mailto:, / or #`);
    return null;
  }
  return { url, source: element };
}

/**
 * The text runs of `segments`, for places where Blocks cannot hold an image (a list item, a table
 * cell): each image found there is dropped with a warning saying where it was.
 */
export function textRunsOf(segments: ReadonlyArray<InlineSegment>, sink: WarningSink, where: string): TextRun[] {
  return segments.flatMap((segment): TextRun[] => {
    if (segment.kind === 'text') return [segment];
    sink.warn(
      segment.source,
      `dropped image "${segment.image.image.url}" inside ${where}: Strapi rich text cannot hold an image there`,
    );
    return [];
  });
}
