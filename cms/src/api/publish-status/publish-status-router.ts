import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import {
  entryPublishStatusSchema,
  isSiteContentType,
  PUBLISH_STATUS_PATH,
  publishOverviewSchema,
} from '../../utils/shared';
import { entrySiteState, hasUnpublishedChanges } from './entry-site-state';
import { fetchRebuildStatus } from './fetch-rebuild-status';
import { publishOverview } from './publish-overview';
import { readEntryVersions } from './read-entry-versions';
import { rebuildStatusUrl } from './rebuild-status-url';

const paramsSchema = z.object({ uid: z.string(), documentId: z.string().min(1) });

/** Admins only: the same session the admin panel uses, no API token. */
const ADMIN_ONLY = { policies: ['admin::isAuthenticatedAdmin'] };
/** Names the routes in Strapi's route list (`strapi routes:list`). */
const INFO = { apiName: 'publish-status' };

/** Runs a handler; an unexpected failure becomes a 500 that says where to look, never a throw. */
function answering(strapi: Core.Strapi, run: (ctx: Context) => Promise<void>) {
  return async (ctx: Context): Promise<void> => {
    try {
      await run(ctx);
    } catch (error) {
      strapi.log.error(new Error('[publish-status] Cannot tell the publish status', { cause: error }));
      ctx.status = 500;
      ctx.body = { error: 'The CMS could not read the publish status; see the CMS log.' };
    }
  };
}

/**
 * The admin's view of publishing: GET /lm/publish-status (the homepage widget) and GET
 * /lm/publish-status/:uid/:documentId (the edit view's side panel). The CMS asks the rebuild
 * service server-side, so the browser never needs to reach it, and combines its builds with the
 * entry's versions from the document service.
 */
export function publishStatusRouter(strapi: Core.Strapi): Core.Router {
  const statusUrl = (): string | null => rebuildStatusUrl(process.env);
  const [prefix = '', ...rest] = PUBLISH_STATUS_PATH.split('/').filter(Boolean);
  const path = `/${rest.join('/')}`;
  return {
    type: 'admin',
    prefix: `/${prefix}`,
    routes: [
      {
        method: 'GET',
        path,
        info: INFO,
        config: ADMIN_ONLY,
        handler: answering(strapi, async (ctx) => {
          const overview = await publishOverview(strapi, await fetchRebuildStatus(statusUrl()), Date.now());
          ctx.body = publishOverviewSchema.parse(overview);
        }),
      },
      {
        method: 'GET',
        path: `${path}/:uid/:documentId`,
        info: INFO,
        config: ADMIN_ONLY,
        handler: answering(strapi, async (ctx) => {
          const { uid, documentId } = paramsSchema.parse(ctx.params);
          if (!isSiteContentType(uid)) {
            ctx.status = 400;
            ctx.body = { error: `${uid} is not a type the site shows; ask about a module, section or page.` };
            return;
          }
          const [record, answer] = await Promise.all([
            readEntryVersions(strapi, uid, documentId, process.env.SITE_URL?.trim() || null),
            fetchRebuildStatus(statusUrl()),
          ]);
          if (!record) {
            ctx.status = 404;
            ctx.body = { error: `No ${uid} with documentId ${documentId}.` };
            return;
          }
          const now = Date.now();
          ctx.body = entryPublishStatusSchema.parse({
            uid,
            documentId,
            publishedAt: record.versions.published?.publishedAt ?? null,
            unpublishedChanges: hasUnpublishedChanges(record.draftUpdatedAt, record.publishedUpdatedAt),
            site: entrySiteState(record.versions, answer.status, now),
            checkedAt: new Date(now).toISOString(),
          });
        }),
      },
    ],
  };
}
