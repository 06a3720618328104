import { z } from 'zod';
import { fingerprintSchema } from './content-fingerprint.js';

/**
 * An entry a webhook delivery named, carried by the build that answers the delivery: how the CMS
 * tells editors which build took (or will take) their publish live.
 */
export const buildEntrySchema = z.object({
  /** Strapi's event, e.g. `entry.publish`. */
  event: z.string(),
  /** The content-type uid, e.g. `api::page.page`. */
  uid: z.string(),
  /** The entry's documentId. */
  documentId: z.string(),
});
export type BuildEntry = z.infer<typeof buildEntrySchema>;

/** One finished (or interrupted) build, as /status lists it and state.json keeps it. */
export const historyEntrySchema = z.object({
  /** The release id the build was writing. */
  id: z.string(),
  /** What asked for it, e.g. `entry.publish api::page.page` or `reconcile`. */
  trigger: z.string(),
  /** How many requests (deliveries, reconciles) the build answered. */
  requests: z.number().int().nonnegative(),
  /** ISO time the build started. */
  startedAt: z.string(),
  /** Null when the service stopped during the build and never learned how long it took. */
  durationMs: z.number().nonnegative().nullable(),
  result: z.enum(['success', 'failed']),
  /** How long the build spent indexing the modules it rendered for search, on success. */
  indexMs: z.number().nonnegative().optional(),
  /** What went wrong and why, on failure. */
  error: z.string().optional(),
  /**
   * What editors should fix although the build went live: published content the site left out
   * (a page with no published section, a block with an unsafe link).
   */
  warnings: z.array(z.string()).optional(),
  /** The entries its deliveries named. Optional: state.json files written before it lack it. */
  entries: z.array(buildEntrySchema).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** One webhook delivery the service accepted, and what it decided to do about it. */
export const deliverySchema = z.object({
  /** ISO time the service received it. */
  receivedAt: z.string(),
  /** Strapi's event, e.g. `entry.update`. */
  event: z.string(),
  /** The content-type uid, e.g. `api::page.page`, when Strapi sent one. */
  uid: z.string().nullable(),
  /** The documentId of the entry, when Strapi sent one. */
  documentId: z.string().nullable(),
  /** Whether the delivery asked for a build. */
  rebuild: z.boolean(),
  /** Why it did not, e.g. "entry.update of api::page.page is a draft save; publishing rebuilds". */
  reason: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * What the rebuild service's GET /status answers. The service builds its answer as this type, and
 * `npm start` and the tests parse the answer with this schema, so the two cannot drift apart.
 */
export const rebuildStatusSchema = z.object({
  /** The release the public sees, null before the first successful build. */
  live: z
    .object({
      /** The release folder's name, e.g. `2025-11-28T15-30-12-123Z`. */
      id: z.string(),
      /** When the release was finished (ISO). */
      builtAt: z.string(),
      /** The published content it was built from. */
      fingerprint: fingerprintSchema,
      /** HTML files in the release. */
      pageCount: z.number().int().nonnegative(),
    })
    .nullable(),
  /** The build in progress, if any. */
  running: z
    .object({
      /** The release id it writes. */
      id: z.string(),
      /** What asked for it first. */
      trigger: z.string(),
      /** ISO time it started. */
      startedAt: z.string(),
      /** The entries its deliveries named (absent from services older than this field). */
      entries: z.array(buildEntrySchema).optional(),
    })
    .nullable(),
  /** Whether another build waits (requests arrived during this one, or within the debounce). */
  queued: z.boolean(),
  /** The entries the waiting build's deliveries named (absent from services older than this field). */
  queuedEntries: z.array(buildEntrySchema).optional(),
  /** Finished builds, newest first. */
  history: z.array(historyEntrySchema),
  /**
   * The latest webhook deliveries since the service started, newest first, each with its
   * decision: how to tell a draft save that was deliberately not built from one that never came.
   */
  deliveries: z.array(deliverySchema),
  /** The latest comparison of Strapi's published content with the last build. */
  reconcile: z.object({
    /** ISO time of the latest check, null before the first. */
    lastAt: z.string().nullable(),
    /** `current`: nothing to do; `rebuild`: a build was asked for; `failed`: Strapi did not answer. */
    result: z.enum(['current', 'rebuild', 'failed']).nullable(),
    /** Why the check failed. */
    error: z.string().nullable(),
  }),
});
export type RebuildStatus = z.infer<typeof rebuildStatusSchema>;
