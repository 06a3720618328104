import { readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Collapses runs of whitespace (non-breaking spaces included) the way a reader sees them. */
export const normalizeText = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * The sentences of a Jekyll page as a reader of the old site saw them, in order: the Markdown and
 * its inline HTML rendered to text by the reference unified pipeline (not by the importer).
 */
export async function fixtureSentences(file: string): Promise<string[]> {
  const { content } = matter(await readFile(file, 'utf8'));
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  const tree = await processor.run(processor.parse(content));
  return normalizeText(toText(tree, { whitespace: 'normal' }))
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
