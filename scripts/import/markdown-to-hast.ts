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
  if (lineOffset !== 0) shiftLines(tree, lineOffset);
  return tree;
}

function shiftLines(node: Nodes, lineOffset: number): void {
  const { position } = node;
  if (position) {
    // Fresh objects: the parsers may share one point between nodes, which must not shift twice.
    node.position = {
      start: { ...position.start, line: position.start.line + lineOffset },
      end: { ...position.end, line: position.end.line + lineOffset },
    };
  }
  if ('children' in node) for (const child of node.children) shiftLines(child, lineOffset);
}
