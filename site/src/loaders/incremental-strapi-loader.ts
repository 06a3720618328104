import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { GRAPHQL_PAGE_SIZE, setBuildWarnings } from '@lm/shared';
import { graphqlRequestCount } from '../lib/strapi-client';
import { readEnv } from '../lib/read-env';

/** What changes whenever a published document changes: Strapi sets both dates on every publish. */
export interface Stamp {
  documentId: string;
  updatedAt?: string | null;
  publishedAt?: string | null;
}

/** A stamp listed with its parent (undefined when the listing did not ask for parents). */
export interface ChildStamp extends Stamp {
  parentId?: string | null;
}

/** One page of a paginated stamp listing. */
export interface StampPage<T extends Stamp> {
  nodes: readonly T[];
  pageInfo: { pageCount: number };
}

export interface StrapiCollectionSource<Node extends { documentId: string }> {
  /** The collection's name, for messages. */
  name: string;
  /** The query document for full entries: a change to it makes every entry stale. */
  query: unknown;
  /**
   * One page of the stamps of all published documents; with `withParents`, each names its parent.
   * Strapi resolves a relation once per entry, so asking for parents is several times slower.
   */
  listStamps: (page: number, pageSize: number, withParents: boolean) => Promise<StampPage<ChildStamp>>;
  /** The full published documents with these ids (at most GRAPHQL_PAGE_SIZE). */
  fetchByIds: (ids: string[], pageSize: number) => Promise<ReadonlyArray<Node | null>>;
  /**
   * Leaves out of a fetched entry what the site cannot render safely, with a sentence for each
   * thing left out. The sentences stay with the cached entry and are reported on every build
   * until the entry changes, so /status keeps saying what editors must fix.
   */
  clean?: (node: Node) => { node: Node; warnings: string[] };
  /**
   * For a collection whose entries belong to a parent (a page to its section): the parent
   * collection's stamps, and the parent a fetched entry names.
   */
  parent?: {
    listStamps: (page: number, pageSize: number) => Promise<StampPage<Stamp>>;
    of: (node: Node) => string | null;
  };
}

/**
 * The cache key of an entry: its dates and the parent it names. Astro ignores `store.set` when the
 * key is unchanged, so an entry moved to another parent (same dates) must change its key.
 */
const keyOf = (stamp: Stamp, parentId: string | null): string =>
  JSON.stringify([stamp.updatedAt ?? null, stamp.publishedAt ?? null, parentId]);

const keySchema = z.tuple([z.string().nullable(), z.string().nullable(), z.string().nullable()]);

/** The parent named in a cached entry's key; undefined when there is no (readable) key. */
function parentInKey(key: string | undefined): string | null | undefined {
  if (key === undefined) return undefined;
  try {
    const parsed = keySchema.safeParse(JSON.parse(key));
    return parsed.success ? parsed.data[2] : undefined;
  } catch {
    return undefined;
  }
}

const warningsSchema = z.record(z.array(z.string()));

/** The warnings kept for each cached entry (see `clean`), from the loader's meta store. */
function readWarnings(meta: LoaderContext['meta']): Map<string, string[]> {
  try {
    const parsed = warningsSchema.safeParse(JSON.parse(meta.get('warnings') ?? '{}'));
    return new Map(parsed.success ? Object.entries(parsed.data) : []);
  } catch {
    return new Map();
  }
}

async function listAll<T extends Stamp>(listPage: (page: number) => Promise<StampPage<T>>): Promise<T[]> {
  const stamps: T[] = [];
  // In turn, not in parallel: Strapi answers one at a time anyway (measured: no gain).
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const result = await listPage(page);
    stamps.push(...result.nodes);
    pageCount = result.pageInfo.pageCount;
  }
  return stamps;
}

/** Whether the stamps are listed with their parents, and the parents' key to remember after the load. */
interface ParentCheck {
  withParents: boolean;
  parentKey: string | null;
}

/**
 * Whether the stamps must be listed with their parents: when the parent collection changed since
 * the last build (a relation edited from the parent's side changes the parent's dates only), or
 * nothing is cached yet. Returns the key to remember once the load is done.
 */
async function checkParents<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  context: LoaderContext,
): Promise<ParentCheck> {
  if (!source.parent) return { withParents: false, parentKey: null };
  const { listStamps } = source.parent;
  const parentStamps = await listAll((page) => listStamps(page, GRAPHQL_PAGE_SIZE));
  const parentKey = context.generateDigest(
    JSON.stringify(parentStamps.map((stamp) => [stamp.documentId, stamp.updatedAt ?? null, stamp.publishedAt ?? null])),
  );
  return { withParents: context.meta.get('parent-stamps') !== parentKey, parentKey };
}

/** Empties the cache when it was filled from another Strapi or with another query. */
function startOverOnNewOrigin<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  context: LoaderContext,
): void {
  const { store, meta } = context;
  // The cache is only valid for the same Strapi and the same query: otherwise start over.
  const origin = `${readEnv().STRAPI_URL} ${context.generateDigest(JSON.stringify(source.query))}`;
  if (meta.get('origin') !== origin) {
    store.clear();
    meta.delete('parent-stamps');
    meta.delete('warnings');
    meta.set('origin', origin);
  }
}

/** The stamps of every published document, listed with their parents when the parents changed. */
async function listCurrentStamps<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  context: LoaderContext,
): Promise<{ stamps: ChildStamp[]; parentCheck: ParentCheck }> {
  try {
    // Parents first: if one changes after this, the key kept is stale and the next build checks.
    const parentCheck = await checkParents(source, context);
    const { withParents } = parentCheck;
    const stamps = await listAll((page) => source.listStamps(page, GRAPHQL_PAGE_SIZE, withParents));
    return { stamps, parentCheck };
  } catch (error) {
    throw new Error(
      `[site] Could not read ${source.name} from Strapi. Is Strapi running at STRAPI_URL, and is STRAPI_READ_TOKEN valid?`,
      { cause: error },
    );
  }
}

/** The listed documents that are not cached, or whose cached key differs from their stamp's. */
function staleStamps(stamps: ChildStamp[], store: LoaderContext['store'], withParents: boolean): ChildStamp[] {
  return stamps.filter((stamp) => {
    const cached = store.get(stamp.documentId)?.digest;
    const key = typeof cached === 'string' ? cached : undefined;
    // Listed with parents: the listing says where each entry belongs now. Otherwise the parents
    // did not change, so neither did any entry's parent: the cached one stands.
    const parentId = withParents ? (stamp.parentId ?? null) : parentInKey(key);
    return parentId === undefined || key !== keyOf(stamp, parentId);
  });
}

/**
 * Fetches the stale documents in full, GRAPHQL_PAGE_SIZE at a time, and stores them with their key
 * and their warnings. Those no longer published by then are dropped from `listed`.
 */
async function refetchStale<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  context: LoaderContext,
  stale: ChildStamp[],
  listed: Map<string, ChildStamp>,
  warnings: Map<string, string[]>,
): Promise<void> {
  const { store, logger } = context;
  for (let start = 0; start < stale.length; start += GRAPHQL_PAGE_SIZE) {
    const ids = stale.slice(start, start + GRAPHQL_PAGE_SIZE).map((stamp) => stamp.documentId);
    const fetched = new Set<string>();
    for (const fetchedNode of await source.fetchByIds(ids, GRAPHQL_PAGE_SIZE)) {
      if (!fetchedNode) continue;
      const cleaned = source.clean ? source.clean(fetchedNode) : { node: fetchedNode, warnings: [] };
      const node = cleaned.node;
      for (const warning of cleaned.warnings) logger.warn(warning);
      if (cleaned.warnings.length > 0) warnings.set(node.documentId, cleaned.warnings);
      else warnings.delete(node.documentId);
      const data = await context.parseData({ id: node.documentId, data: { ...node } });
      const stamp = listed.get(node.documentId);
      if (stamp) store.set({ id: node.documentId, data, digest: keyOf(stamp, source.parent?.of(node) ?? null) });
      fetched.add(node.documentId);
    }
    // Unpublished between the listing and the fetch: not published any more.
    for (const id of ids) if (!fetched.has(id)) listed.delete(id);
  }
}

/** Deletes the cached entries that are no longer published; returns how many. */
function dropUnlisted(store: LoaderContext['store'], listed: Map<string, ChildStamp>): number {
  let removed = 0;
  for (const id of store.keys()) {
    if (!listed.has(id)) {
      store.delete(id);
      removed += 1;
    }
  }
  return removed;
}

/**
 * An Astro content-layer loader for one Strapi collection that only refetches what changed.
 * Each build lists the stamps of every published document (cheap: 100 per request), refetches in
 * full the documents that are new or whose stamp differs from the cached one (100 per request), and
 * drops the cached ones that are no longer published. Requests grow with N/100; after a single
 * publish a build reads one full document instead of all of them. A document moved to another
 * parent from the parent's side keeps its dates, so when the parents changed the listing also
 * names each document's parent, and a document whose parent differs from the cached one is
 * refetched. Astro validates every entry against the collection's schema, so a malformed document
 * fails the build and the error names it.
 */
export function incrementalStrapiLoader<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
): Loader {
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
      startOverOnNewOrigin(source, context);
      const warnings = readWarnings(meta);

      const { stamps, parentCheck } = await listCurrentStamps(source, context);
      const listed = new Map(stamps.map((stamp) => [stamp.documentId, stamp]));
      const stale = staleStamps(stamps, store, parentCheck.withParents);
      await refetchStale(source, context, stale, listed, warnings);
      const removed = dropUnlisted(store, listed);

      for (const id of warnings.keys()) if (!store.has(id)) warnings.delete(id);
      meta.set('warnings', JSON.stringify(Object.fromEntries(warnings)));
      setBuildWarnings(source.name, [...warnings.values()].flat());
      if (parentCheck.parentKey !== null) meta.set('parent-stamps', parentCheck.parentKey);
      const how = parentCheck.withParents ? ', listed with parents' : '';
      logger.info(
        `${String(stamps.length)} ${source.name} (${String(stale.length)} fetched, ${String(removed)} removed${how}) in ${String(Date.now() - started)} ms (${String(graphqlRequestCount())} GraphQL requests so far)`,
      );
    },
  };
}
