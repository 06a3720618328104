import type { Nodes, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// rehype-raw re-parses the inline HTML (the resource boxes, `ul.fancy`) with a real HTML parser, so
// Markdown and HTML end up in one tree; nothing is ever matched with regular expressions.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw);

/**
 * Parses a Jekyll page body (Markdown with inline HTML) into a hast tree with positions.
 * @param markdown the body, front matter already removed
 * @param lineOffset lines that preceded the body in the file, so positions name the file's real lines
 */
export function markdownToHast(markdown: string, lineOffset = 0): Root {
  const tree = processor.runSync(processor.parse(markdown));
  if (lineOffset !== 0) mapLines(tree, (line) => line + lineOffset);
  return tree;
}

type Point = NonNullable<Nodes['position']>['start'];

function isPoint(value: unknown): value is Point {
  return typeof value === 'object' && value !== null && 'line' in value && typeof value.line === 'number';
}

/**
 * Rewrites every position of the tree through `lineOf`, for sources that were rewritten before
 * parsing (lines added or shifted), so warnings still name the file's real lines.
 */
export function mapLines(node: Nodes, lineOf: (line: number) => number): void {
  if (node.position) {
    // hast-util-raw leaves some positions partial at run time (an element the HTML parser implied
    // may have a start only), whatever the types say; so each point is checked.
    const { start, end } = node.position;
    // Fresh objects: the parsers may share one point between nodes, which must not shift twice.
    const shift = (point: Point): Point => ({ ...point, line: lineOf(point.line) });
    if (isPoint(start)) node.position = { start: shift(start), end: shift(isPoint(end) ? end : start) };
    else delete node.position;
  }
  if ('children' in node) for (const child of node.children) mapLines(child, lineOf);
}
