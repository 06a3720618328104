import type { Fingerprint } from './fingerprint.js';

/** What the rebuild service needs to know about the published content, apart from the build. */
export interface ContentReader {
  /** The published content's fingerprint (one request). Rejects when Strapi cannot answer. */
  fingerprint(): Promise<Fingerprint>;
  /** Slugs of every published module: each needs its page in a new release. */
  moduleSlugs(): Promise<string[]>;
}
