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
 * is current.
 */
export const fingerprintSchema = z.object({
  modules: typeFingerprintSchema,
  sections: typeFingerprintSchema,
  pages: typeFingerprintSchema,
});
export type Fingerprint = z.infer<typeof fingerprintSchema>;

const TYPES = ['modules', 'sections', 'pages'] as const;

/** Whether two fingerprints describe the same published content. */
export function sameFingerprint(left: Fingerprint, right: Fingerprint): boolean {
  return TYPES.every(
    (type) =>
      left[type].total === right[type].total &&
      left[type].latestUpdate === right[type].latestUpdate &&
      left[type].latestPublish === right[type].latestPublish,
  );
}
