import { isSiteContentType } from '@lm/shared';
import type { WebhookPayload } from './webhook-payload.js';

/** Entry events after which the published content of a type the site shows may differ. */
const PUBLISHED_CHANGES = new Set(['entry.publish', 'entry.unpublish', 'entry.delete']);
/** Entry events that only save a draft: every type the site shows has draft and publish. */
const DRAFT_SAVES = new Set(['entry.create', 'entry.update']);
/** Media events that can change a published page (a replaced or removed file it shows). */
const MEDIA_CHANGES = new Set(['media.update', 'media.delete']);

/** Whether a delivery should rebuild the site, and a short reason for the answer. */
export type RebuildDecision = { rebuild: true; trigger: string } | { rebuild: false; reason: string };

/**
 * Decides from a delivery's event and content type whether the public site may have changed. Only
 * the types the site shows count: a user signing up or an admin changing a role is not content.
 * For those types, publish, unpublish and delete rebuild, while create and update are draft saves.
 * When Strapi leaves the uid out, nobody can tell, so an entry event rebuilds.
 */
export function decideRebuild(payload: WebhookPayload): RebuildDecision {
  const { event, uid } = payload;
  const trigger = (uid ?? payload.model) ? `${event} ${uid ?? payload.model ?? ''}` : event;
  if (MEDIA_CHANGES.has(event)) return { rebuild: true, trigger };
  if (!PUBLISHED_CHANGES.has(event) && !DRAFT_SAVES.has(event)) {
    return { rebuild: false, reason: `${event} does not change published content` };
  }
  if (uid === undefined) return { rebuild: true, trigger };
  if (!isSiteContentType(uid)) return { rebuild: false, reason: `${event} of ${uid}: the site does not show ${uid}` };
  if (DRAFT_SAVES.has(event))
    return { rebuild: false, reason: `${event} of ${uid} is a draft save; publishing rebuilds` };
  return { rebuild: true, trigger };
}
