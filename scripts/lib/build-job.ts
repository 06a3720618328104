import { z } from 'zod';
import { buildReportSchema } from '@lm/shared';

/** One build, as the warm site builder hands it to its worker process (checked there). */
export const buildJobSchema = z.object({
  /** Matches the reply to the job. */
  id: z.number(),
  /** Where the static site is written; Astro empties it first. */
  outDir: z.string().min(1),
  /** The live release, to copy unchanged modules from; null renders everything. */
  reuseFrom: z.string().min(1).nullable(),
});
export type BuildJob = z.infer<typeof buildJobSchema>;

/** The worker's messages to the builder, checked there. */
export const buildReplySchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({
    id: z.number(),
    ok: z.literal(true),
    /** What the build did (see shared/src/build-report.ts). */
    report: buildReportSchema,
    /**
     * The worker's heap in use right after a full garbage collection once the build was done, when
     * it was started to measure that (WarmSiteBuilder's `measureHeap`): unlike its resident memory,
     * which keeps freed pages, it grows only with what the worker still holds.
     */
    heapUsedAfterGcBytes: z.number().optional(),
  }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
export type BuildReply = z.infer<typeof buildReplySchema>;
