import type { Element, Nodes } from 'hast';
import { findAll, stringProperty } from './hast-query.js';
import { markdownToHast } from './markdown-to-hast.js';
import { parseFrontMatterLoosely } from './parse-cib-post.js';
import { prepareKramdown, type SiteValues } from './prepare-kramdown.js';

/**
 * Module display names from a course-in-a-box landing page: the text of each link to
 * `modules/<name>/` (in any spelling: relative, absolute, with the base URL), line breaks collapsed.
 * The landing tiles are what the old site's readers knew each module as.
 * @returns module folder name to title; modules without a link are absent
 */
export function cibModuleTitles(file: string, source: string, site: SiteValues): Map<string, string> {
  const { content } = parseFrontMatterLoosely(file, source);
  const prepared = prepareKramdown(file, content, site);
  const tree = markdownToHast(prepared.markdown);
  const titles = new Map<string, string>();
  const baseurl = site.get('baseurl') ?? '';
  for (const anchor of findAll(tree, (element) => element.tagName === 'a')) {
    let href = stringProperty(anchor, 'href') ?? '';
    if (baseurl !== '' && href.startsWith(baseurl)) href = href.slice(baseurl.length);
    const match = /^\/?modules\/([^/]+)\/?(?:index\.html)?$/.exec(href);
    const title = textWithBreaks(anchor).replace(/\s+/g, ' ').trim();
    if (match?.[1] && title !== '' && !titles.has(match[1])) titles.set(match[1], title);
  }
  return titles;
}

/** Text of a node where `<br>` counts as a space, as the browser showed the tile's lines. */
function textWithBreaks(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (node satisfies Element).tagName === 'br') return ' ';
  return 'children' in node ? node.children.map(textWithBreaks).join('') : '';
}
