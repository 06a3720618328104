import type { BlockNode, BodyBlock, InlineNode } from '@lm/shared';

function inlineText(node: InlineNode): string {
  return node.type === 'text' ? node.text : node.children.map((child) => child.text).join('');
}

function paragraphText(node: BlockNode): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const text = node.children.map(inlineText).join('').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * The first paragraph of a page's rich text, as plain text with whitespace collapsed, for a meta
 * description when the editors wrote none. Headings, lists and resource boxes are skipped: a
 * search result or a shared link should open with the page's prose, not with "Before the meeting".
 */
export function firstParagraphText(body: readonly BodyBlock[]): string | undefined {
  for (const block of body) {
    if (block.__typename !== 'ComponentContentRichText') continue;
    for (const node of block.content) {
      const text = paragraphText(node);
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/**
 * Cuts text to at most `max` characters at a word boundary, with an ellipsis when cut: search
 * engines show about 160 characters of a description and cut the rest mid-word themselves.
 */
export function shortenText(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
