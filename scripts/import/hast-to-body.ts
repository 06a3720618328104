import type { Element, ElementContent, Root } from 'hast';
import { findAll, hasClass, headingLevel, isElement, isWhitespace, plainText } from './hast-query.js';
import { hastToBlocks } from './hast-to-blocks.js';
import type { BodyInput, ImportWarning, OutcomesInput } from './page-document.js';
import { isResourceBox, toResourceBox } from './to-resource-box.js';
import { videosAfterBox } from './box-videos.js';
import { isVideoElement, videoOfElement } from './video-element.js';
import { createWarningSink, type WarningSink } from './warning-sink.js';

/** The page body as Strapi components, plus the section outcomes found in it. */
export interface ConvertedBody {
  body: BodyInput[];
  /** One string per outcome, in order; empty when the page has no outcomes list. */
  outcomes: string[];
  warnings: ImportWarning[];
}

const OUTCOMES_HEADING = /^learning outcomes for this section:?$/i;

/** Generic containers that may hold a resource box, the outcomes or a video; other elements are content. */
export const WRAPPERS = new Set([
  'article',
  'aside',
  'center',
  'details',
  'div',
  'footer',
  'header',
  'main',
  'nav',
  'section',
]);

/**
 * Walks a sanitized page tree in order and builds the page's dynamic zone: each resource box and
 * the outcomes list become their own components, everything between them one rich-text block.
 */
export function hastToBody(tree: Root, file: string): ConvertedBody {
  const sink = createWarningSink(file);
  const body: BodyInput[] = [];
  const outcomes: string[] = [];
  let pending: ElementContent[] = [];
  const flush = (): void => {
    const content = hastToBlocks(pending, sink);
    if (content.length > 0) body.push({ __component: 'content.rich-text', content });
    pending = [];
  };
  const walk = (nodes: ReadonlyArray<ElementContent>): void => {
    for (let index = 0; index < nodes.length; index += 1) {
      const node = nodes[index];
      if (node === undefined) continue;
      if (isResourceBox(node)) {
        flush();
        body.push(toResourceBox(node, sink), ...videosAfterBox(node));
        continue;
      }
      const video = videoOfElement(node);
      if (video) {
        flush();
        body.push({ __component: 'content.video', ...video });
        continue;
      }
      const found = isObjectives(node) ? objectivesOutcomes(node, sink) : matchOutcomes(nodes, index, sink);
      if (found) {
        flush();
        if (outcomes.length > 0)
          sink.warn(node, 'a second outcomes list: its items were added to the section outcomes');
        // A video in the objectives callout is no outcome: it plays right after them.
        body.push(found.block, ...(isObjectives(node) ? videosAfterBox(node) : []));
        outcomes.push(...found.items);
        index = Math.max(index, found.end);
        continue;
      }
      if (isElement(node) && WRAPPERS.has(node.tagName) && findAll(node, isSpecial).length > 0) walk(node.children);
      else pending.push(node);
    }
  };
  walk(tree.children.flatMap((child) => (child.type === 'doctype' ? [] : [child])));
  flush();
  return { body, outcomes, warnings: sink.warnings };
}

interface OutcomesMatch {
  block: OutcomesInput;
  items: string[];
  /** Index of the list, the last node the outcomes took up. */
  end: number;
}

/**
 * Recognizes, from `nodes[index]` on: the outcomes heading, an optional all-bold lead paragraph
 * and the list of outcomes, allowing whitespace between them. A heading without a list is left to
 * be rich text, with a warning, rather than guessed at.
 */
function matchOutcomes(nodes: ReadonlyArray<ElementContent>, index: number, sink: WarningSink): OutcomesMatch | null {
  const heading = nodes[index];
  if (!isOutcomesHeading(heading)) return null;
  let next = nextContent(nodes, index + 1);
  let lead: string | null = null;
  const candidate = nodes[next];
  if (isElement(candidate, 'p') && isAllBold(candidate)) {
    lead = plainText(candidate) || null;
    next = nextContent(nodes, next + 1);
  }
  const list = nodes[next];
  const items = isElement(list, 'ul', 'ol')
    ? list.children
        .filter((item) => isElement(item, 'li'))
        .map((item) => plainText(item))
        .filter((text) => text !== '')
    : [];
  if (items.length === 0) {
    sink.warn(heading, `heading "${plainText(heading)}" is not followed by a list of outcomes; kept as rich text`);
    return null;
  }
  return { block: { __component: 'content.outcomes', heading: plainText(heading), lead }, items, end: next };
}

/** True for a course-in-a-box objectives callout: the goals of its module or section. */
function isObjectives(node: ElementContent): node is Element {
  return isElement(node, 'div') && hasClass(node, 'callout') && hasClass(node, 'objectives');
}

/**
 * An objectives callout as the section's outcomes: its heading ("Goals for this module:") heads
 * them, its paragraphs are the lead, its list items the outcomes.
 */
function objectivesOutcomes(callout: Element, sink: WarningSink): OutcomesMatch | null {
  const heading = findAll(callout, (element) => headingLevel(element) !== null)[0];
  const items = findAll(callout, (element) => isElement(element, 'li'))
    .map((item) => plainText(item, (element) => isElement(element, 'ul', 'ol')))
    .filter((text) => text !== '');
  if (items.length === 0) {
    sink.warn(callout, 'objectives callout without a list: kept as rich text, no outcomes taken from it');
    return null;
  }
  const lead = callout.children
    .filter((child) => isElement(child, 'p'))
    .map((paragraph) => plainText(paragraph))
    .filter((text) => text !== '')
    .join(' ');
  return {
    block: {
      __component: 'content.outcomes',
      heading: heading ? plainText(heading) : 'Objectives',
      lead: lead || null,
    },
    items,
    end: -1,
  };
}

function isOutcomesHeading(node: ElementContent | undefined): node is Element {
  return isElement(node) && headingLevel(node) !== null && OUTCOMES_HEADING.test(plainText(node));
}

function isSpecial(element: Element): boolean {
  return isResourceBox(element) || isOutcomesHeading(element) || isObjectives(element) || isVideoElement(element);
}

/** True for a paragraph whose only content is bold text, like the outcomes lead line. */
function isAllBold(paragraph: Element): boolean {
  const content = paragraph.children.filter((child) => child.type !== 'comment' && !isWhitespace(child));
  return content.length > 0 && content.every((child) => isElement(child, 'strong', 'b'));
}

/** Index of the next node that is neither whitespace nor a comment (nodes.length if none). */
function nextContent(nodes: ReadonlyArray<ElementContent>, from: number): number {
  let index = from;
  for (let node = nodes[index]; node && (node.type === 'comment' || isWhitespace(node)); node = nodes[index])
    index += 1;
  return index;
}
