import type { Element } from 'hast';
import type { VideoFields } from '@lm/shared';
import { findAll } from './hast-query.js';
import type { VideoInput } from './page-document.js';
import { isVideoElement, videoOfElement } from './video-element.js';
import type { WarningSink } from './warning-sink.js';

/** The videos embedded anywhere in a box, in order (see iframe-to-video.ts). */
function videosIn(box: Element): VideoFields[] {
  return findAll(box, isVideoElement).flatMap((element) => videoOfElement(element) ?? []);
}

/** The video a resource box shows under its title: the box's first, or null. */
export function firstVideoIn(box: Element): VideoFields | null {
  return videosIn(box)[0] ?? null;
}

/**
 * The box's other videos, as page-body videos to place right after it. A box holds one video (a
 * list of them in every box would make the site's page query cost more than the CMS allows), so
 * a callout of several keeps them all, in order, just below it; the warning says so.
 */
export function videosAfterBox(box: Element, sink: WarningSink): VideoInput[] {
  const rest = videosIn(box).slice(1);
  if (rest.length > 0)
    sink.warn(
      box,
      `callout holds ${String(rest.length + 1)} videos: the first shows in the box, the other ${String(rest.length)} right below it`,
    );
  return rest.map((video) => ({ __component: 'content.video', ...video }));
}
