import type { Element, Nodes } from 'hast';
import { videoFieldsSchema, type VideoFields } from '@lm/shared';

/**
 * Between reading a page and building its body, an embedded video is an element of this name
 * holding the video's fields: it passes the sanitizer (no URL, no code) and keeps its place in
 * the tree, so the body builder and the resource boxes take it where it stood.
 */
export const VIDEO_TAG = 'lm-video';

/** The placeholder element for a video, at the source position of the embed it replaces. */
export function toVideoElement(video: VideoFields, at: Element): Element {
  return {
    type: 'element',
    tagName: VIDEO_TAG,
    properties: { dataVideo: JSON.stringify(video) },
    children: [],
    ...(at.position ? { position: at.position } : {}),
  };
}

/** True for a video placeholder. */
export function isVideoElement(node: Nodes | undefined): node is Element {
  return node?.type === 'element' && node.tagName === VIDEO_TAG;
}

/** The video a placeholder holds; null for any other node (or a placeholder not made here). */
export function videoOfElement(node: Nodes | undefined): VideoFields | null {
  if (!isVideoElement(node)) return null;
  const data = node.properties.dataVideo;
  if (typeof data !== 'string') return null;
  try {
    const parsed = videoFieldsSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
