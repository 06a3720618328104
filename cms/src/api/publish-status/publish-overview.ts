import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { PublishOverview } from '@lm/shared';
import { isSiteContentType, REBUILD_SERVICE_DOWN } from '../../utils/shared';
import { describeTrigger, titleKey } from './describe-trigger';
import { plainReason } from './entry-site-state';
import type { RebuildStatusAnswer } from './fetch-rebuild-status';

/** Builds the homepage widget lists: enough to see a pattern, few enough to read at a glance. */
const BUILDS_SHOWN = 8;

const titledSchema = z.object({ title: z.string() }).nullish();

/**
 * The titles of the entries the builds name, for "Page published: Overview". An entry deleted
 * since has none, and its build is described by its event alone.
 */
async function titlesOf(
  strapi: Core.Strapi,
  entries: ReadonlyArray<{ uid: string; documentId: string }>,
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const { uid, documentId } of entries) {
    const key = titleKey(uid, documentId);
    if (titles.has(key) || !isSiteContentType(uid)) continue;
    const found = titledSchema.parse(await strapi.documents(uid).findOne({ documentId, fields: ['title'] }));
    if (found) titles.set(key, found.title);
  }
  return titles;
}

/** The rebuild service's state for the homepage widget, in editors' words. */
export async function publishOverview(
  strapi: Core.Strapi,
  answer: RebuildStatusAnswer,
  now: number,
): Promise<PublishOverview> {
  const checkedAt = new Date(now).toISOString();
  if (answer.status === null) {
    return { service: { state: 'down', reason: `${REBUILD_SERVICE_DOWN}: ${answer.problem}.` }, checkedAt };
  }
  const { live, running, queued, history } = answer.status;
  const shown = history.slice(0, BUILDS_SHOWN);
  const titles = await titlesOf(strapi, [
    ...(running?.entries ?? []),
    ...shown.flatMap((build) => build.entries ?? []),
  ]);
  return {
    service: {
      state: 'up',
      live: live ? { builtAt: live.builtAt, pageCount: live.pageCount } : null,
      running: running
        ? {
            trigger: describeTrigger(running, titles),
            startedAt: running.startedAt,
            elapsedMs: Math.max(0, now - Date.parse(running.startedAt)),
          }
        : null,
      queued,
      builds: shown.map((build) => ({
        id: build.id,
        trigger: describeTrigger(build, titles),
        startedAt: build.startedAt,
        durationMs: build.durationMs,
        result: build.result,
        error: build.result === 'failed' ? plainReason(build.error) : null,
        warnings: build.warnings?.length ?? 0,
      })),
    },
    checkedAt,
  };
}
