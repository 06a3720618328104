import { z } from 'zod';

const typeFingerprintSchema = z.object({
  /** Published documents of the type. */
  total: z.number().int().nonnegative(),
  /** Latest `updatedAt` among them (ISO), null when there are none. */
  latestUpdate: z.string().nullable(),
  /** Latest `publishedAt` among them (ISO), null when there are none. */
  latestPublish: z.string().nullable(),
});

/**
 * A cheap summary of the published content. Publishing, unpublishing, deleting or editing and
 * republishing anything changes at least one field, so equal fingerprints mean the live release
 * is current. The rebuild service stores it with each release and shows it in /status.
 */
export const fingerprintSchema = z.object({
  modules: typeFingerprintSchema,
  sections: typeFingerprintSchema,
  pages: typeFingerprintSchema,
});
export type Fingerprint = z.infer<typeof fingerprintSchema>;
