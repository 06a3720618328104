import type { Element, ElementContent, Root } from 'hast';
import { formatDuration, type VideoFields } from '@lm/shared';
import { headingLevel, isElement, isWhitespace, plainText, stringProperty } from './hast-query.js';
import { WRAPPERS } from './hast-to-body.js';
import type { ImportWarning } from './page-document.js';
import { parseTimestamp, parseVideoUrl } from './parse-video-url.js';
import { isUnsafeUrl } from './sanitize-hast.js';
import { toVideoElement } from './video-element.js';
import { createWarningSink, type WarningSink } from './warning-sink.js';

/** Result of {@link iframesToVideos}: the tree without iframes, and what became of each. */
export interface IframesConverted {
  tree: Root;
  warnings: ImportWarning[];
}

/** A stated length next to an embed: `2:00`, `(1:02:03)`, `12 min`. */
const DURATION_TEXT = /^\(?\s*(?:(\d+(?::\d{2}){1,2})|(\d+)\s*min(?:utes?|s)?\.?)\s*\)?$/i;
/** The same in brackets at the start of a longer text. */
const DURATION_IN_BRACKETS = /^\s*\(\s*(?:(\d+(?::\d{2}){1,2})|(\d+)\s*min(?:utes?|s)?\.?)\s*\)/i;

const HOST_NAMES = { youtube: 'YouTube', vimeo: 'Vimeo' } as const;

/**
 * Replaces every `<iframe>` before the page is sanitized. A YouTube or Vimeo embed becomes a video
 * (see video-element.ts) titled by the iframe's `title` or else the heading it stands under, with
 * the length the page states right after it (that line is taken into the video). Any other
 * iframe (H5P, a form) becomes a plain link to what it showed, with a warning: the site never
 * embeds other sites' pages. Every conversion is reported, so the fidelity report lists it.
 */
export function iframesToVideos(tree: Root, file: string): IframesConverted {
  const sink = createWarningSink(file);
  let lastHeading: string | null = null;

  const convert = (nodes: ReadonlyArray<ElementContent>, inContainer: boolean): ElementContent[] => {
    const out: ElementContent[] = [];
    for (let index = 0; index < nodes.length; index += 1) {
      const node = nodes[index];
      if (node === undefined) continue;
      if (!isElement(node)) {
        out.push(node);
        continue;
      }
      if (node.tagName === 'iframe') {
        const duration = statedDuration(nodes, index + 1);
        const replaced = replaceIframe(node, inContainer, duration?.seconds ?? null);
        out.push(...replaced.nodes);
        if (duration && replaced.isVideo) {
          index = duration.end;
          if (duration.rest) out.push(duration.rest);
        }
        continue;
      }
      // A paragraph holding an embed (Markdown puts one there when it follows a line of text) is
      // split around it, so the video keeps its place between the paragraph's two halves.
      if (inContainer && node.tagName === 'p' && node.children.some((child) => isElement(child, 'iframe'))) {
        out.push(...splitParagraph(node));
        continue;
      }
      const level = headingLevel(node);
      if (level !== null) lastHeading = plainText(node) || lastHeading;
      out.push({ ...node, children: convert(node.children, inContainer && WRAPPERS.has(node.tagName)) });
    }
    return out;
  };

  const splitParagraph = (paragraph: Element): ElementContent[] => {
    const parts: ElementContent[] = [];
    let run: ElementContent[] = [];
    const flush = (): void => {
      if (run.some((child) => !isWhitespace(child))) parts.push({ ...paragraph, children: run });
      run = [];
    };
    const children = paragraph.children;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child === undefined) continue;
      if (!isElement(child, 'iframe')) {
        run.push(...convert([child], false));
        continue;
      }
      flush();
      const duration = statedDuration(children, index + 1);
      const replaced = replaceIframe(child, true, duration?.seconds ?? null);
      parts.push(...replaced.nodes);
      if (duration && replaced.isVideo) {
        index = duration.end;
        if (duration.rest) run.push(duration.rest);
      }
    }
    flush();
    return parts;
  };

  const replaceIframe = (
    iframe: Element,
    inContainer: boolean,
    durationSeconds: number | null,
  ): { nodes: ElementContent[]; isVideo: boolean } => {
    const src = stringProperty(iframe, 'src')?.trim() ?? '';
    const location = parseVideoUrl(src);
    const attributeTitle = stringProperty(iframe, 'title')?.trim() || null;
    if (location) {
      const host = HOST_NAMES[location.provider];
      const title = attributeTitle ?? lastHeading ?? `Video on ${host}`;
      const video: VideoFields = { ...location, title, durationSeconds };
      const source = attributeTitle
        ? 'its title attribute'
        : lastHeading
          ? 'the heading above it'
          : 'no title found: give it one';
      const length = durationSeconds === null ? '' : `, ${formatDuration(durationSeconds)} long`;
      if (!inContainer) {
        sink.warn(
          iframe,
          `${host} video ${location.videoId} inside a list, table or quote kept as a link to it: a video stands in the page or in a callout, not inside text`,
        );
        return { nodes: [link(watchUrlOf(src), title)], isVideo: false };
      }
      sink.warn(
        iframe,
        `${host} <iframe> became the video "${title}" (${location.videoId}${length}; title from ${source})`,
      );
      return { nodes: [toVideoElement(video, iframe)], isVideo: true };
    }
    return { nodes: otherIframe(iframe, src, attributeTitle, inContainer, sink), isVideo: false };
  };

  const children = convert(
    tree.children.flatMap((child) => (child.type === 'doctype' ? [] : [child])),
    true,
  );
  return { tree: { ...tree, children }, warnings: sink.warnings };
}

/** An embed that is not a video: a link to its page (never the embed), or nothing when unusable. */
function otherIframe(
  iframe: Element,
  src: string,
  title: string | null,
  inContainer: boolean,
  sink: WarningSink,
): ElementContent[] {
  let url: URL | null = null;
  try {
    url = /^https?:\/\//i.test(src) && !isUnsafeUrl(src) ? new URL(src) : null;
  } catch {
    url = null;
  }
  if (url === null) {
    sink.warn(iframe, `dropped <iframe> with src "${src.slice(0, 80)}": only web addresses can be kept, as a link`);
    return [];
  }
  const text = title ?? `Embedded content from ${url.hostname}`;
  sink.warn(
    iframe,
    `<iframe> from ${url.hostname} kept as the link "${text}": the site embeds only YouTube and Vimeo videos; check the link works on its own`,
  );
  const anchor = link(url.toString(), text);
  return [inContainer ? { type: 'element', tagName: 'p', properties: {}, children: [anchor] } : anchor];
}

function link(href: string, text: string): Element {
  return { type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: text }] };
}

/** A video link's address on its own site, from an embed address (which only plays framed). */
function watchUrlOf(src: string): string {
  const location = parseVideoUrl(src);
  if (!location) return src;
  if (location.provider === 'vimeo') return `https://vimeo.com/${location.videoId}`;
  return `https://www.youtube.com/watch?v=${location.videoId}`;
}

/** Where a stated length was found: its seconds, the last node it took up, and what remains of that node. */
interface StatedDuration {
  seconds: number;
  end: number;
  /** Text after a length in brackets that opened a line of text (`(2:00) Then…`); null if none. */
  rest: ElementContent | null;
}

/**
 * The length the page states right after an embed: the next thing that is not whitespace, when it
 * is only a duration (`<div class="videotime">2:00</div>`, `12 min`), or text that opens with one
 * in brackets (`(2:00) and then…`).
 */
function statedDuration(nodes: ReadonlyArray<ElementContent>, from: number): StatedDuration | null {
  let index = from;
  for (let node = nodes[index]; node !== undefined && isWhitespace(node); node = nodes[index]) index += 1;
  const next = nodes[index];
  if (next === undefined || (next.type !== 'text' && next.type !== 'element')) return null;
  const text = next.type === 'text' ? next.value : plainText(next);
  const whole = DURATION_TEXT.exec(text.trim());
  const opening = next.type === 'text' && !whole ? DURATION_IN_BRACKETS.exec(text) : null;
  const match = whole ?? opening;
  if (!match) return null;
  const seconds = match[1] !== undefined ? parseTimestamp(match[1]) : Number(match[2]) * 60;
  if (seconds === null || seconds === 0) return null;
  const rest = opening ? text.slice(opening[0].length) : '';
  return { seconds, end: index, rest: rest.trim() === '' ? null : { type: 'text', value: rest } };
}
