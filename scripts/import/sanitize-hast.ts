import type { Element, ElementContent, Properties, Root } from 'hast';
import type { ImportWarning } from './page-document.js';
import { createWarningSink, type WarningSink } from './warning-sink.js';

/**
 * Elements whose content is code, embedded documents or user input rather than prose: dropped
 * whole, children included. `svg` and `math` go too, since they can carry their own scripts.
 */
const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'style',
  'object',
  'embed',
  'form',
  'frame',
  'frameset',
  'applet',
  'noscript',
  'template',
  'link',
  'meta',
  'base',
  'svg',
  'math',
]);

/** hast property names (camelCased by hast) that hold a URL a browser would follow or load. */
const URL_PROPERTIES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'poster',
  'cite',
  'background',
  'longDesc',
  'xLinkHref',
]);

/** Schemes that run code or smuggle content in a link or image. */
const UNSAFE_SCHEME = /^(?:javascript|data|vbscript):/;

/** Result of {@link sanitizeHast}: a clean copy of the tree and what was removed. */
export interface SanitizedHast {
  tree: Root;
  warnings: ImportWarning[];
}

/**
 * Returns a copy of the tree without executable or embedded content: dangerous elements, event
 * handler attributes (`on*`) and `javascript:`/`data:`/`vbscript:` URLs. Each removal yields a
 * warning naming the file and line. Comments and doctypes go silently: they never render.
 */
export function sanitizeHast(tree: Root, file: string): SanitizedHast {
  const sink = createWarningSink(file);
  const children = cleanChildren(
    tree.children.filter((child) => child.type !== 'doctype'),
    sink,
  );
  return { tree: { ...tree, children }, warnings: sink.warnings };
}

/**
 * True when a browser would treat the URL as one of the unsafe schemes. Browsers ignore control
 * characters and spaces inside a scheme (`java\tscript:`), so those are removed before comparing.
 */
export function isUnsafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  return UNSAFE_SCHEME.test(url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase());
}

function cleanChildren(children: ReadonlyArray<ElementContent>, sink: WarningSink): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'text') return [child];
    // Comments never render; raw HTML strings cannot remain after rehype-raw, and must not.
    if (child.type !== 'element') return [];
    const element = cleanElement(child, sink);
    return element ? [element] : [];
  });
}

function cleanElement(element: Element, sink: WarningSink): Element | null {
  if (DROPPED_ELEMENTS.has(element.tagName)) {
    sink.warn(element, `dropped <${element.tagName}> element: imported pages hold content, not code or embeds`);
    return null;
  }
  const properties: Properties = {};
  for (const [name, value] of Object.entries(element.properties)) {
    if (/^on/i.test(name)) {
      sink.warn(element, `dropped ${name.toLowerCase()} attribute on <${element.tagName}>: event handlers are code`);
    } else if (URL_PROPERTIES.has(name) && urlsOf(value).some(isUnsafeUrl)) {
      sink.warn(element, `dropped unsafe ${name} URL on <${element.tagName}>: only web, mail and site links are kept`);
    } else {
      properties[name] = value;
    }
  }
  return { ...element, properties, children: cleanChildren(element.children, sink) };
}

function urlsOf(value: Properties[string]): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.map(String) : [];
}
