import { z } from 'zod';
import { fingerprintSchema, historyEntrySchema } from '@lm/shared';

/** What the service remembers across restarts, in `state.json` beside the releases. */
export const serviceStateSchema = z.object({
  /**
   * The newest successful build and the content it was built from. Reconcile compares Strapi
   * with this rather than with the live release, so a rollback is not undone by the next poll.
   */
  lastBuilt: z.object({ id: z.string(), fingerprint: fingerprintSchema }).nullable(),
  /** Newest first, as /status lists them. */
  history: z.array(historyEntrySchema),
});
export type ServiceState = z.infer<typeof serviceStateSchema>;
