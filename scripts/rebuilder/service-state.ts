import { z } from 'zod';
import { fingerprintSchema } from './fingerprint.js';

/** One finished (or interrupted) build, as /status lists it. */
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
  /** What went wrong and why, on failure. */
  error: z.string().optional(),
  /**
   * What editors should fix although the build went live: published content the site left out
   * (a page with no published section, a block with an unsafe link).
   */
  warnings: z.array(z.string()).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What the service remembers across restarts, in `state.json` beside the releases. */
export const serviceStateSchema = z.object({
  /**
   * The newest successful build and the content it was built from. Reconcile compares Strapi
   * with this rather than with the live release, so a rollback is not undone by the next poll.
   */
  lastBuilt: z.object({ id: z.string(), fingerprint: fingerprintSchema }).nullable(),
  /** Newest first. */
  history: z.array(historyEntrySchema),
});
export type ServiceState = z.infer<typeof serviceStateSchema>;
