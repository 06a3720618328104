import { GraphQLClient } from 'graphql-request';
import { FingerprintDocument, ModuleSlugsDocument, type FingerprintQuery } from '@lm/shared/graphql';
import type { ContentReader } from './content-reader.js';
import { fingerprintSchema, type Fingerprint } from './fingerprint.js';

/** Strapi's GraphQL amountLimit: the largest page it serves. */
const PAGE_SIZE = 100;

export interface StrapiContentReaderOptions {
  /** Strapi's base URL, without a trailing slash. */
  url: string;
  /** The read-only API token: the published status is all it sees. */
  token: string;
  /** Longest one request may take. */
  timeoutMs?: number;
}

type Connection = FingerprintQuery['modules'];
type PublishedConnection = FingerprintQuery['modulesPublished'];

function typeFingerprint(name: string, updated: Connection, published: PublishedConnection): Fingerprint['modules'] {
  if (!updated || !published) {
    throw new Error(`Strapi returned no ${name} connection; does the read token cover ${name}?`);
  }
  return {
    total: updated.pageInfo.total,
    latestUpdate: updated.nodes[0]?.updatedAt ?? null,
    latestPublish: published.nodes[0]?.publishedAt ?? null,
  };
}

/**
 * Reads the fingerprint and module slugs from Strapi's GraphQL API with the read-only token, so
 * it sees what the build sees: published content only.
 */
export function createStrapiContentReader({
  url,
  token,
  timeoutMs = 15_000,
}: StrapiContentReaderOptions): ContentReader {
  const endpoint = `${url}/graphql`;
  const timedFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const client = new GraphQLClient(endpoint, { headers: { Authorization: `Bearer ${token}` }, fetch: timedFetch });
  const failure = (what: string, error: unknown): Error =>
    new Error(
      `[rebuild] Cannot read ${what} from Strapi at ${endpoint}. Is Strapi running, and is STRAPI_READ_TOKEN valid?`,
      { cause: error },
    );

  return {
    async fingerprint() {
      let result: FingerprintQuery;
      try {
        result = await client.request(FingerprintDocument);
      } catch (error) {
        throw failure('the content fingerprint', error);
      }
      return fingerprintSchema.parse({
        modules: typeFingerprint('modules', result.modules, result.modulesPublished),
        sections: typeFingerprint('sections', result.sections, result.sectionsPublished),
        pages: typeFingerprint('pages', result.pages, result.pagesPublished),
      });
    },

    async moduleSlugs() {
      const slugs: string[] = [];
      try {
        for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
          const result = await client.request(ModuleSlugsDocument, { page, pageSize: PAGE_SIZE });
          if (!result.modules_connection) throw new Error('Strapi returned no modules_connection.');
          slugs.push(...result.modules_connection.nodes.map((node) => node.slug));
          pageCount = result.modules_connection.pageInfo.pageCount;
        }
      } catch (error) {
        throw failure('the published modules', error);
      }
      return slugs;
    },
  };
}
