import type { Element } from 'hast';
import { findAll } from './hast-query.js';
import type { VideoInput } from './page-document.js';
import { isVideoElement, videoOfElement } from './video-element.js';

/**
 * The videos embedded in a box (a course-in-a-box "videos" callout), in order, as page-body videos
 * to place right after it; the site shows the videos that follow a videos box inside it. They are
 * not a field of the box: a component list inside every body block would take the site's page
 * query past the CMS's query cost limit at 100 pages.
 */
export function videosAfterBox(box: Element): VideoInput[] {
  return findAll(box, isVideoElement).flatMap((element) => {
    const video = videoOfElement(element);
    return video ? [{ __component: 'content.video' as const, ...video }] : [];
  });
}
