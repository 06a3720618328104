import type { Element, ElementContent, Nodes } from 'hast';
import { RESOURCE_BOX_KINDS, type ResourceBoxKind } from '@lm/shared';
import { importableUrlSchema } from './importable-url.js';
import { ImportError } from './import-error.js';
import { hastToBlocks } from './hast-to-blocks.js';
import {
  classNames,
  findAll,
  hasClass,
  headingLevel,
  isElement,
  isWhitespace,
  plainText,
  stringProperty,
} from './hast-query.js';
import type { ResourceBoxInput, ResourceItemInput } from './page-document.js';
import type { WarningSink } from './warning-sink.js';

/**
 * True for a Jekyll resource box: `<div class="resources">`, or a course-in-a-box callout
 * (`<div class="callout KIND">`) other than the objectives, which are the section's outcomes.
 */
export function isResourceBox(node: Nodes): node is Element & { tagName: 'div' } {
  if (!isElement(node, 'div')) return false;
  if (isCallout(node)) return !hasClass(node, 'objectives');
  return hasClass(node, 'resources');
}

/** True for a course-in-a-box callout, `<div class="callout KIND">`. */
export function isCallout(node: Nodes): boolean {
  return isElement(node, 'div') && hasClass(node, 'callout');
}

/** The kinds a `<div class="resources">` box may name by a class of its own. */
const ITEM_KINDS: readonly ResourceBoxKind[] = ['questions', 'checklist', 'links', 'tip'];

/** The callout kinds that keep their name as the box's kind; any other becomes a `note`. */
const CALLOUT_KINDS: ReadonlySet<ResourceBoxKind> = new Set(['activity', 'videos', 'reflection', 'resources', 'tip']);

/**
 * Maps a callout to a resource box of its kind: its first heading is the title and everything else
 * its rich content, in order, so lists, numbered steps and paragraphs keep their structure.
 */
function calloutToResourceBox(box: Element, sink: WarningSink): ResourceBoxInput {
  const kind = RESOURCE_BOX_KINDS.find((candidate) => CALLOUT_KINDS.has(candidate) && hasClass(box, candidate));
  const named = classNames(box).find((name) => name !== 'callout');
  const titleElement = findAll(box, (element) => headingLevel(element) !== null)[0];
  const title = titleElement ? plainText(titleElement) : '';
  const rest = box.children.filter((child) => child !== titleElement);
  const content = hastToBlocks(rest, sink);
  return {
    __component: 'content.resource-box',
    // A callout without a heading is titled by its kind, as the old site's styling announced it.
    title: title || capitalize(named ?? 'note'),
    intro: null,
    content: content.length > 0 ? content : null,
    kind: kind ?? 'note',
    items: [],
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Maps a `<div class="resources">` to a `content.resource-box`: the title from `span.box-title`
 * (else the first heading or bold text), the intro from its paragraphs, one item per `<li>` with
 * the item's first link. Content outside those is dropped with a warning.
 * @throws ImportError when the box has no title at all, since Strapi requires one
 */
export function toResourceBox(box: Element, sink: WarningSink): ResourceBoxInput {
  if (isCallout(box)) return calloutToResourceBox(box, sink);
  const titleElement =
    findAll(box, (element) => hasClass(element, 'box-title'))[0] ??
    findAll(box, (element) => headingLevel(element) !== null)[0] ??
    findAll(box, (element) => isElement(element, 'strong', 'b'))[0];
  const title = titleElement ? plainText(titleElement) : '';
  if (!titleElement || title === '') {
    const line = box.position ? ` on line ${box.position.start.line}` : '';
    throw new ImportError(
      sink.file,
      `resource box${line} has no title; add <span class="box-title">Its title</span> inside it`,
    );
  }
  const isList = (element: Element): boolean => isElement(element, 'ul', 'ol', 'li');
  const paragraphs = findOutside(
    box,
    (element) => isElement(element, 'p'),
    (element) => isList(element) || element === titleElement,
  );
  const intro = paragraphs
    .map((paragraph) => plainText(paragraph))
    .filter((text) => text !== '')
    .join('\n');
  const items = findAll(box, (element) => isElement(element, 'li')).flatMap((item) => toItem(item, sink));
  warnAboutLeftovers(box, new Set([titleElement, ...paragraphs]), isList, sink);
  return {
    __component: 'content.resource-box',
    title,
    intro: intro || null,
    content: null,
    kind: kindOf(box, items),
    items,
  };
}

/**
 * The kind a class on the box names, else a guess from the items: questions when most end with
 * "?", links when every item links somewhere, a tip when the box has no list, else a checklist.
 */
export function kindOf(box: Element, items: ReadonlyArray<ResourceItemInput>): ResourceBoxKind {
  // Only the kinds of item boxes: every old box has the class `resources`, which names a callout kind.
  const named = ITEM_KINDS.find((kind) => hasClass(box, kind));
  if (named) return named;
  if (items.length === 0) return 'tip';
  if (items.filter((item) => item.text.endsWith('?')).length * 2 > items.length) return 'questions';
  if (items.every((item) => item.url !== null)) return 'links';
  return 'checklist';
}

function toItem(item: Element, sink: WarningSink): ResourceItemInput[] {
  // A nested list's items are items of their own; they must not repeat inside their parent's text.
  const text = plainText(item, (element) => isElement(element, 'ul', 'ol'));
  const anchor = findAll(item, (element) => isElement(element, 'a') && stringProperty(element, 'href') !== null)[0];
  let url = anchor ? (stringProperty(anchor, 'href')?.trim() ?? null) : null;
  if (anchor && url !== null && !importableUrlSchema.safeParse(url).success) {
    sink.warn(anchor, `link to "${url}" in a resource box dropped: a link must start with http(s)://, mailto:, / or #`);
    url = null;
  }
  if (text === '' && url === null) return [];
  return [{ text: text || (url ?? ''), url }];
}

/** Like findAll, but does not look inside elements for which `stop` is true. */
function findOutside(node: Nodes, test: (element: Element) => boolean, stop: (element: Element) => boolean): Element[] {
  if (!('children' in node)) return [];
  return node.children.flatMap((child) => {
    if (child.type !== 'element' || stop(child)) return [];
    return test(child) ? [child] : findOutside(child, test, stop);
  });
}

/** Warns once per box about text or images that neither title, intro nor items took up. */
function warnAboutLeftovers(
  box: Element,
  used: ReadonlySet<Element>,
  isList: (element: Element) => boolean,
  sink: WarningSink,
): void {
  const dropped: string[] = [];
  const visit = (node: ElementContent): void => {
    if (node.type === 'text' && !isWhitespace(node)) dropped.push(node.value.trim());
    if (node.type !== 'element' || used.has(node) || isList(node)) return;
    if (node.tagName === 'img') dropped.push(`<img alt="${stringProperty(node, 'alt') ?? ''}">`);
    node.children.forEach(visit);
  };
  box.children.forEach(visit);
  if (dropped.length > 0) {
    const sample = dropped.join(' ').slice(0, 60);
    sink.warn(box, `resource box content outside its title, intro and list was dropped: "${sample}"`);
  }
}
