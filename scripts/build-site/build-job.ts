import { z } from 'zod';

/** The messages between the warm site builder and its worker process, checked on both sides. */
export const buildJobSchema = z.object({
  id: z.number(),
  outDir: z.string(),
  /** The live release, to copy unchanged modules from; null renders everything. */
  reuseFrom: z.string().nullable(),
});
export type BuildJob = z.infer<typeof buildJobSchema>;

const reusedSchema = z.object({ modules: z.number(), pages: z.number() });

export const buildReplySchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({
    id: z.number(),
    ok: z.literal(true),
    reused: reusedSchema,
    /** What the site left out of the content it was given, for /status (see setBuildWarnings). */
    warnings: z.array(z.string()),
  }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
export type BuildReply = z.infer<typeof buildReplySchema>;
