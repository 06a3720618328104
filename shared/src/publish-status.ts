import { z } from 'zod';

/**
 * What the CMS tells editors about publishing, in the admin's side panel and homepage widget. The
 * CMS route answers with these schemas and the admin parses its answer with them, so the two cannot
 * drift apart.
 */

/** Where the admin asks: the overview for the homepage widget. */
export const PUBLISH_STATUS_PATH = '/lm/publish-status';

/** Where the admin asks about one entry (a module, section or page) by type and documentId. */
export const entryPublishStatusPath = (uid: string, documentId: string): string =>
  `${PUBLISH_STATUS_PATH}/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`;

/** How often the admin asks again while a build that concerns the editor is running or waiting. */
export const PUBLISH_STATUS_POLL_MS = 2000;

/** What the CMS says when it cannot reach the rebuild service's /status. */
export const REBUILD_SERVICE_DOWN = 'The rebuild service is not answering';

/** Whether one entry is on the public site, as far as the rebuild service's builds tell. */
export const entrySiteStateSchema = z.discriminatedUnion('state', [
  z.object({
    /** The live release was built from content that includes this entry's latest publish. */
    state: z.literal('live'),
    /** ISO time the first build with this publish went live (the live release's, when older). */
    since: z.string(),
    /** The public URL that shows the entry (its path alone when the CMS has no SITE_URL). */
    url: z.string().nullable(),
  }),
  z.object({
    /** A running build carries this entry's publish (or unpublish). */
    state: z.literal('building'),
    /** ISO time the build started. */
    startedAt: z.string(),
    /** How long it has run when the CMS asked. */
    elapsedMs: z.number().nonnegative(),
  }),
  z.object({
    /** A build will start soon (after a short quiet time, or when the running one ends). */
    state: z.literal('queued'),
  }),
  z.object({
    /** The latest build after this publish failed; the site still shows the previous release. */
    state: z.literal('failed'),
    /** What went wrong, in plain words. */
    reason: z.string(),
    /** ISO time the failed build started. */
    failedAt: z.string(),
  }),
  z.object({
    /** Never published (or unpublished since): the site does not show it. */
    state: z.literal('draft'),
  }),
  z.object({
    /** Published, but its section or module is not, so no public URL shows it. */
    state: z.literal('hidden'),
  }),
  z.object({
    /** Published, yet no build has taken it up; the rebuild service's next content check will. */
    state: z.literal('waiting'),
  }),
  z.object({
    /** The rebuild service did not answer, so nobody can tell. */
    state: z.literal('unknown'),
    /** Why, in plain words. */
    reason: z.string(),
  }),
]);
export type EntrySiteState = z.infer<typeof entrySiteStateSchema>;

/** GET /lm/publish-status/:uid/:documentId: one entry's status for the edit view's side panel. */
export const entryPublishStatusSchema = z.object({
  uid: z.string(),
  documentId: z.string(),
  /** ISO time of the published version, null when there is none. */
  publishedAt: z.string().nullable(),
  /** The draft was saved after the published version: the site shows the older text. */
  unpublishedChanges: z.boolean(),
  site: entrySiteStateSchema,
  /** ISO time the CMS answered. */
  checkedAt: z.string(),
});
export type EntryPublishStatus = z.infer<typeof entryPublishStatusSchema>;

/** One build as the homepage widget lists it. */
export const publishBuildSchema = z.object({
  id: z.string(),
  /** What asked for it, in words: "Page published: Overview", "Regular check: content changed". */
  trigger: z.string(),
  /** ISO time it started. */
  startedAt: z.string(),
  /** Null when the service stopped during the build. */
  durationMs: z.number().nonnegative().nullable(),
  result: z.enum(['success', 'failed']),
  /** What went wrong, in plain words, on failure. */
  error: z.string().nullable(),
  /** How many things editors should fix although the build went live. */
  warnings: z.number().int().nonnegative(),
});
export type PublishBuild = z.infer<typeof publishBuildSchema>;

/** GET /lm/publish-status: the overview for the homepage widget. */
export const publishOverviewSchema = z.object({
  service: z.discriminatedUnion('state', [
    z.object({ state: z.literal('down'), reason: z.string() }),
    z.object({
      state: z.literal('up'),
      /** The release the public sees, null before the first build went live. */
      live: z.object({ builtAt: z.string(), pageCount: z.number().int().nonnegative() }).nullable(),
      /** The build in progress. */
      running: z.object({ trigger: z.string(), startedAt: z.string(), elapsedMs: z.number().nonnegative() }).nullable(),
      /** Whether another build waits. */
      queued: z.boolean(),
      /** The latest finished builds, newest first. */
      builds: z.array(publishBuildSchema),
    }),
  ]),
  /** ISO time the CMS answered. */
  checkedAt: z.string(),
});
export type PublishOverview = z.infer<typeof publishOverviewSchema>;
