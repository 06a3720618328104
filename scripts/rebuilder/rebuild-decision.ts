import type { WebhookPayload } from './webhook-payload.js';

/** Content types with draft and publish: saving their draft changes nothing on the public site. */
export const DRAFT_AND_PUBLISH_UIDS: ReadonlySet<string> = new Set([
  'api::module.module',
  'api::section.section',
  'api::page.page',
]);

/** Events after which the published content may differ, whatever the type. */
const ALWAYS_REBUILD = new Set(['entry.publish', 'entry.unpublish', 'entry.delete', 'media.update', 'media.delete']);
/** Events that change published content only for types without draft and publish. */
const DRAFT_SAVES = new Set(['entry.create', 'entry.update']);

/** Whether a delivery should rebuild the site, and a short reason for the answer. */
export type RebuildDecision = { rebuild: true; trigger: string } | { rebuild: false; reason: string };

/**
 * Decides from a delivery's event (and uid, for create and update) whether the public site may have
 * changed. A create or update of a draft-and-publish type is only a draft save; without draft and
 * publish (or when Strapi leaves the uid out) it is live at once, so it rebuilds.
 */
export function decideRebuild(
  payload: WebhookPayload,
  draftAndPublishUids: ReadonlySet<string> = DRAFT_AND_PUBLISH_UIDS,
): RebuildDecision {
  const subject = payload.uid ?? payload.model;
  const trigger = subject ? `${payload.event} ${subject}` : payload.event;
  if (ALWAYS_REBUILD.has(payload.event)) return { rebuild: true, trigger };
  if (DRAFT_SAVES.has(payload.event)) {
    if (payload.uid !== undefined && draftAndPublishUids.has(payload.uid)) {
      return { rebuild: false, reason: `${payload.event} of ${payload.uid} is a draft save; publishing rebuilds` };
    }
    return { rebuild: true, trigger };
  }
  return { rebuild: false, reason: `${payload.event} does not change published content` };
}
