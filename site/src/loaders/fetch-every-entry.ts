import { GRAPHQL_PAGE_SIZE } from '@lm/shared';
import { mapBounded } from '../lib/map-bounded';
import { entryKey, type Stamp } from './entry-key';
import type { StampPage, StrapiCollectionSource } from './strapi-collection-source';

/**
 * Requests in flight at once. Strapi on SQLite runs its queries one at a time, so more than this
 * buys nothing; but while it works on one page the build parses the last one and the next request
 * is already queued, instead of Strapi waiting on the build and the build on Strapi.
 */
export const FETCH_CONCURRENCY = 3;

/** A published document as the loader stores it: cleaned, with its cache key and warnings. */
export interface FetchedEntry<Node> {
  id: string;
  node: Node;
  key: string;
  warnings: string[];
}

/** Page numbers 2 to `pageCount`, the pages still to read after the first. */
export const remainingPages = (pageCount: number): number[] =>
  Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => index + 2);

/**
 * Every published document of a collection, in full, GRAPHQL_PAGE_SIZE per request and
 * FETCH_CONCURRENCY requests at a time: the first page says how many pages there are. For a build
 * with nothing cached (and for content snapshots), which would otherwise list every stamp and then
 * fetch every listed document by id: twice the requests, the first of them in turn.
 */
export async function fetchEveryEntry<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
): Promise<Array<FetchedEntry<Node>>> {
  const first = await source.fetchPage(1, GRAPHQL_PAGE_SIZE);
  const rest = await mapBounded(remainingPages(first.pageInfo.pageCount), FETCH_CONCURRENCY, (page) =>
    source.fetchPage(page, GRAPHQL_PAGE_SIZE),
  );
  const seen = new Set<string>();
  const entries: Array<FetchedEntry<Node>> = [];
  for (const page of [first, ...rest] satisfies Array<StampPage<Node & Stamp>>) {
    for (const fetched of page.nodes) {
      // A publish between two pages can shift a document onto the next page: keep it once.
      if (seen.has(fetched.documentId)) continue;
      seen.add(fetched.documentId);
      const { node, warnings } = source.clean ? source.clean(fetched) : { node: fetched, warnings: [] };
      const key = entryKey(fetched, source.parent?.of(node) ?? null);
      entries.push({ id: node.documentId, node, key, warnings });
    }
  }
  return entries;
}
