import type { Fingerprint } from '@lm/shared';
import type { ReleaseContents } from './release-contents.js';

/** What the rebuild service needs to know about the published content, apart from the build. */
export interface ContentReader {
  /** The published content's fingerprint (one request). Rejects when Strapi cannot answer. */
  fingerprint(): Promise<Fingerprint>;
  /** Every published module and reachable page: each needs its file in a new release. */
  releaseContents(): Promise<ReleaseContents>;
}
