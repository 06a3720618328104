import type { Element, Nodes } from 'hast';

/** Small, typed questions about hast nodes, shared by the converters. */

/** Elements that start a new block in a browser; everything else flows inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

// HTML's inter-element whitespace: a non-breaking space is content, not whitespace.
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

/**
 * True for an element, optionally only one of the given tag names. The narrowed type carries the
 * tag names, so that a `false` with names given does not rule out every other element.
 */
export function isElement<Tag extends string>(
  node: Nodes | undefined,
  ...tagNames: Tag[]
): node is Element & { tagName: Tag } {
  return node?.type === 'element' && (tagNames.length === 0 || tagNames.some((name) => name === node.tagName));
}

/** True for text that a browser would not render (only spaces, tabs and line breaks). */
export function isWhitespace(node: Nodes): boolean {
  return node.type === 'text' && node.value.replace(HTML_WHITESPACE, '') === '';
}

/** Collapses runs of HTML whitespace to one space, as a browser renders them. */
export function collapseWhitespace(text: string): string {
  return text.replace(HTML_WHITESPACE, ' ');
}

/** The element's classes, whether hast stored them as a list or a single string. */
export function classNames(element: Element): string[] {
  const value = element.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(HTML_WHITESPACE) : [];
}

/** True when the element carries the class `name`. */
export function hasClass(element: Element, name: string): boolean {
  return classNames(element).includes(name);
}

/** The element's attribute as a string, or null when it is absent or not text. */
export function stringProperty(element: Element, name: string): string | null {
  const value = element.properties[name];
  return typeof value === 'string' ? value : null;
}

/** A Blocks heading level. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const HEADING_LEVELS = new Map<string, HeadingLevel>([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

/** 1 to 6 for h1 to h6, else null. */
export function headingLevel(element: Element): HeadingLevel | null {
  return HEADING_LEVELS.get(element.tagName) ?? null;
}

/** True when the element, or any element inside it, is block-level. */
export function containsBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName) || element.children.some((child) => isElement(child) && containsBlock(child));
}

/**
 * The rendered text of a node: whitespace collapsed and trimmed, `<br>` as a space. Elements for
 * which `skip` is true contribute nothing (e.g. a nested list inside a list item).
 */
export function plainText(node: Nodes, skip: (element: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const visit = (current: Nodes): void => {
    if (current.type === 'text') parts.push(current.value);
    else if (current.type === 'element' && current.tagName === 'br') parts.push(' ');
    else if (current.type === 'element' && skip(current)) return;
    if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return collapseWhitespace(parts.join('')).trim();
}

/** Every element inside `node` (not `node` itself), in document order, for which `test` is true. */
export function findAll(node: Nodes, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (current: Nodes): void => {
    if (!('children' in current)) return;
    for (const child of current.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}
