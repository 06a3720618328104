import { readFile } from 'node:fs/promises';
import { toText } from 'hast-util-to-text';
import { parseFrontMatterLoosely } from '../../scripts/import/parse-cib-post.js';
import { prepareKramdown, type SiteValues } from '../../scripts/import/prepare-kramdown.js';
import { markdownToHast } from '../../scripts/import/markdown-to-hast.js';
import { normalizeText } from './fixture-sentences.js';

/**
 * The sentences of a course-in-a-box post as its reader saw them, in order. Kramdown's own
 * features (Markdown inside `markdown="1"` blocks, attribute lists, Liquid) have no reference
 * implementation in Node, so the post is read as the importer reads it (its unit tests check that
 * reading), and the text is taken from that tree before anything is converted or sanitized.
 * Sentences end at `.`, `?`, `!` and at the end of every block (a heading, a table cell, a list
 * item), so each one must stay whole in the built page however the blocks are laid out.
 */
export async function cibPageSentences(file: string, site: SiteValues): Promise<string[]> {
  const { content, lineOffset } = parseFrontMatterLoosely(file, await readFile(file, 'utf8'));
  const tree = markdownToHast(prepareKramdown(file, content, site, lineOffset).markdown);
  return toText(tree, { whitespace: 'normal' })
    .split(/[\n\t]+|(?<=[.?!])\s+/)
    .map(normalizeText)
    .filter((sentence) => sentence.length > 0);
}
