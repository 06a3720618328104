import { z } from 'zod';

/**
 * A Strapi 5 webhook delivery. Only the envelope is checked: the payload is a signal to rebuild,
 * never content to publish (the build reads content from the API), so entry and media stay opaque.
 */
export const webhookPayloadSchema = z.object({
  /** `entry.publish`, `media.update`... */
  event: z.string().min(1),
  /** When Strapi sent it (ISO date). */
  createdAt: z.string(),
  /** Singular name of the content type, on entry events. */
  model: z.string().optional(),
  /** Content-type uid such as `api::page.page`, on entry events. */
  uid: z.string().optional(),
  /** The entry; Strapi sometimes sends null (for example for a deleted document). */
  entry: z.record(z.unknown()).nullable().optional(),
  /** The file, on media events. */
  media: z.record(z.unknown()).nullable().optional(),
});

/** A delivery that passed the schema. */
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
