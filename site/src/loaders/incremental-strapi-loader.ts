import type { Loader } from 'astro/loaders';
import { graphqlRequestCount } from '../lib/strapi-client';
import { readEnv } from '../lib/read-env';

/** Strapi's GraphQL `amountLimit`: the most entries one request may ask for. */
export const PAGE_SIZE = 100;

/**
 * What changes whenever a published document changes: its dates (Strapi sets both on every
 * publish) and, where queried, the parent it belongs to.
 */
export interface Stamp {
  documentId: string;
  updatedAt?: string | null;
  publishedAt?: string | null;
}

export interface StrapiCollectionSource {
  /** The collection's name, for messages. */
  name: string;
  /** The query document for full entries: a change to it makes every entry stale. */
  query: unknown;
  /** One page of the stamps of all published documents. */
  listStamps: (page: number, pageSize: number) => Promise<{ nodes: readonly Stamp[]; pageInfo: { pageCount: number } }>;
  /** The full published documents with these ids (at most PAGE_SIZE). */
  fetchByIds: (ids: string[], pageSize: number) => Promise<ReadonlyArray<{ documentId: string } | null>>;
}

/** The whole stamp as the cache key: dates and any parent reference the query includes. */
const stampOf = (stamp: Stamp): string => JSON.stringify(stamp);

/**
 * An Astro content-layer loader for one Strapi collection that only refetches what changed.
 * Each build lists the stamps of every published document (cheap: 100 per request), refetches in
 * full the documents that are new or whose stamp differs from the cached one (100 per request), and
 * drops the cached ones that are no longer published. Requests grow with N/100; after a single
 * publish a build reads one full document instead of all of them. Astro validates every entry
 * against the collection's schema, so a malformed document fails the build and the error names it.
 */
export function incrementalStrapiLoader(source: StrapiCollectionSource): Loader {
  return {
    name: `strapi-${source.name}`,
    load: async (context) => {
      const { store, logger, meta } = context;
      // `astro check` syncs content to generate types; `npm run typecheck` sets this so checking
      // types needs no running Strapi. Types come from the schemas, not from the data.
      if (process.env.SITE_SKIP_CONTENT_LOAD === '1') {
        logger.info(`skipped loading ${source.name} (SITE_SKIP_CONTENT_LOAD=1)`);
        return;
      }
      const started = Date.now();
      // The cache is only valid for the same Strapi and the same query: otherwise start over.
      const origin = `${readEnv().STRAPI_URL} ${context.generateDigest(JSON.stringify(source.query))}`;
      if (meta.get('origin') !== origin) {
        store.clear();
        meta.set('origin', origin);
      }

      const stamps: Stamp[] = [];
      try {
        // In turn, not in parallel: Strapi answers one at a time anyway (measured: no gain).
        for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
          const result = await source.listStamps(page, PAGE_SIZE);
          stamps.push(...result.nodes);
          pageCount = result.pageInfo.pageCount;
        }
      } catch (error) {
        throw new Error(
          `[site] Could not read ${source.name} from Strapi. Is Strapi running at STRAPI_URL, and is STRAPI_READ_TOKEN valid?`,
          { cause: error },
        );
      }

      const published = new Map(stamps.map((stamp) => [stamp.documentId, stampOf(stamp)]));
      const stale = stamps.filter((stamp) => store.get(stamp.documentId)?.digest !== stampOf(stamp));
      for (let start = 0; start < stale.length; start += PAGE_SIZE) {
        const ids = stale.slice(start, start + PAGE_SIZE).map((stamp) => stamp.documentId);
        const fetched = new Set<string>();
        for (const node of await source.fetchByIds(ids, PAGE_SIZE)) {
          if (!node) continue;
          const data = await context.parseData({ id: node.documentId, data: { ...node } });
          store.set({ id: node.documentId, data, digest: published.get(node.documentId) ?? '' });
          fetched.add(node.documentId);
        }
        // Unpublished between the listing and the fetch: not published any more.
        for (const id of ids) if (!fetched.has(id)) published.delete(id);
      }
      let removed = 0;
      for (const id of store.keys()) {
        if (!published.has(id)) {
          store.delete(id);
          removed += 1;
        }
      }
      logger.info(
        `${String(stamps.length)} ${source.name} (${String(stale.length)} fetched, ${String(removed)} removed) in ${String(Date.now() - started)} ms (${String(graphqlRequestCount())} GraphQL requests so far)`,
      );
    },
  };
}
