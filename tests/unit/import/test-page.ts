import { parseJekyllPage } from '../../../scripts/import/parse-jekyll-page.js';
import type { PageDocument } from '../../../scripts/import/page-document.js';
import type { Blocks, TextNode } from '@lm/shared';
import { jekyllSource } from './jekyll-source.js';

/** The path the test pages claim to come from, as messages name it. */
export const FILE = 'content/test-page.md';

/** Parses a page whose body is `markdown`. */
export function page(markdown: string): PageDocument {
  return parseJekyllPage(FILE, jekyllSource(markdown));
}

/** The Blocks of all rich-text components of the page, in order. */
export function blocksOf(document: PageDocument): Blocks {
  return document.page.body.flatMap((block) => (block.__component === 'content.rich-text' ? block.content : []));
}

type Marks = Partial<Record<'bold' | 'italic' | 'underline' | 'strikethrough' | 'code', true>>;
/** Blocks nodes as the expected values write them. */
export const text = (value: string, marks: Marks = {}): TextNode => ({ type: 'text', text: value, ...marks });
export const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
export const item = (...children: unknown[]) => ({ type: 'list-item', children });
