import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { normalizeText } from './fixture-sentences.js';

/** A page of a built site, parsed as a browser would, with helpers to read it like a reader. */
export interface BuiltPage {
  html: string;
  tree: Root;
  /** The text of `main`, whitespace collapsed. */
  mainText: string;
  one: (selector: string) => Element;
  all: (selector: string) => Element[];
  text: (element: Element) => string;
}

/** Reads `<outDir>/<urlPath>/index.html` (or a file path ending in .html). */
export async function readBuiltPage(outDir: string, urlPath: string): Promise<BuiltPage> {
  const file = urlPath.endsWith('.html') ? path.join(outDir, urlPath) : path.join(outDir, urlPath, 'index.html');
  const html = await readFile(file, 'utf8');
  const tree = fromHtml(html);
  const text = (element: Element): string => normalizeText(toText(element, { whitespace: 'normal' }));
  const one = (selector: string): Element => {
    const found = select(selector, tree);
    if (!found) throw new Error(`No element matches "${selector}" in ${file}`);
    return found;
  };
  return { html, tree, mainText: text(one('main')), one, all: (selector) => selectAll(selector, tree), text };
}
