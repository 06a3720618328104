import type { Fingerprint } from '@lm/shared';

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
