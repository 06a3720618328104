import type { Element, Nodes } from 'hast';
import { legacyPathKey } from '@lm/shared';
import { stringProperty } from './hast-query.js';
import type { WarningSink } from './warning-sink.js';

/** What links between pages of the old site are resolved against. */
export interface CibLinkTargets {
  /** Old path key ({@link legacyPathKey}) to the new URL: every page's old paths, every module's home. */
  byOldPath: ReadonlyMap<string, string>;
  /** The old site's base URL without trailing slash ("" at the root), stripped from links. */
  baseurl: string;
  /** True when the old site holds a file at this site path (an image, a document). */
  fileExists: (sitePath: string) => boolean;
}

// Resolves relative links the way a browser on the old site did; the host is never used.
const OLD_SITE = 'http://old-site.invalid';
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * Rewrites, in place, the links (`<a href>`) and images (`<img src>`) of one page of the old site:
 * a link to another imported page or a module's home becomes that page's new URL (its #fragment
 * kept), whatever its spelling (relative, absolute, with the base URL, `.html`); a link that names
 * no imported page is kept as text with a warning; a link or image naming a file of the old site
 * stays a site path (uploaded later), with a warning when that file does not exist. An image whose
 * file does not exist is left out, with a warning: the new site would show a broken image, and its
 * alt text, which describes a picture, would read as stray words if kept as text.
 * @param pageUrls the page's old URLs (folder and `.html` forms): relative links resolve against them
 */
export function rewriteCibLinks(
  tree: Nodes,
  pageUrls: readonly string[],
  targets: CibLinkTargets,
  sink: WarningSink,
): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'element' && node.tagName === 'a') rewriteAnchor(node, pageUrls, targets, sink);
    if (!('children' in node)) return;
    // Backwards, so that removing an image keeps the indexes still to visit.
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      const child = node.children[index];
      if (child?.type === 'element' && child.tagName === 'img' && !rewriteImage(child, pageUrls, targets, sink))
        node.children.splice(index, 1);
      else if (child !== undefined) visit(child);
    }
  };
  visit(tree);
}

function rewriteAnchor(anchor: Element, pageUrls: readonly string[], targets: CibLinkTargets, sink: WarningSink): void {
  const href = stringProperty(anchor, 'href')?.trim();
  if (!href || EXTERNAL.test(href)) return;
  const candidates = pageUrls.map((base) => resolve(href, base, targets.baseurl));
  for (const { path, suffix } of candidates) {
    const target = targets.byOldPath.get(legacyPathKey(path));
    if (target !== undefined) {
      anchor.properties.href = `${target}${suffix}`;
      return;
    }
  }
  const [first] = candidates;
  if (!first) return;
  if (isFilePath(first.path)) {
    // An existing file is uploaded and relinked by the media step, which warns only if that fails.
    if (targets.fileExists(first.path)) {
      anchor.properties.href = `${first.path}${first.suffix}`;
      return;
    }
    // A link to a file that is not there would be a broken link on the new site: keep its words.
    delete anchor.properties.href;
    sink.warn(anchor, `link to missing file ${first.path}: the old site has no such file; kept as plain text`);
    return;
  }
  delete anchor.properties.href;
  sink.warn(anchor, `link to "${href}" names no imported page (resolved to ${first.path}); kept as plain text`);
}

/** Points an image at its site path; false when its file is missing and the image must go. */
function rewriteImage(
  image: Element,
  pageUrls: readonly string[],
  targets: CibLinkTargets,
  sink: WarningSink,
): boolean {
  const src = stringProperty(image, 'src')?.trim();
  const [base] = pageUrls;
  if (!src || EXTERNAL.test(src) || base === undefined) return true;
  const { path } = resolve(src, base, targets.baseurl);
  image.properties.src = path;
  if (targets.fileExists(path)) return true;
  const alt = stringProperty(image, 'alt')?.trim();
  sink.warn(
    image,
    `image ${path} is missing: the old site has no such file; left out of the page${alt ? ` (alt text "${alt}")` : ''}, add the picture in the CMS if you have it`,
  );
  return false;
}

/** The site path a link names, the old base URL removed, and its query and fragment. */
function resolve(href: string, base: string, baseurl: string): { path: string; suffix: string } {
  const url = new URL(href, `${OLD_SITE}${base}`);
  let path = decodeURI(url.pathname);
  if (baseurl !== '' && (path === baseurl || path.startsWith(`${baseurl}/`))) path = path.slice(baseurl.length) || '/';
  return { path, suffix: `${url.search}${url.hash}` };
}

/** A path that names a file (an extension other than .html), not a page. */
function isFilePath(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return /\.[a-z0-9]+$/i.test(last) && !/\.html?$/i.test(last);
}
