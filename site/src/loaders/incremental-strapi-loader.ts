import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { GRAPHQL_PAGE_SIZE, setBuildWarnings } from '@lm/shared';
import { graphqlRequestCount } from '../lib/strapi-client';
import { readContentSourceEnv, readEnv } from '../lib/read-env';
import { entryKey as keyOf, parentInKey, type Stamp } from './entry-key';
import { fetchEveryEntry, type FetchedEntry } from './fetch-every-entry';
import { validateEntry, type EntrySchema } from './validate-entry';
import type { ChildStamp, StampPage, StrapiCollectionSource } from './strapi-collection-source';

export type { ChildStamp, StampPage, StrapiCollectionSource } from './strapi-collection-source';
export type { Stamp } from './entry-key';

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

/** Where a load's time went: waiting for Strapi, and validating entries against the schema. */
interface LoadTimings {
  fetchMs: number;
  validateMs: number;
}

/** What a load did, for its log line. */
interface LoadOutcome {
  listed: number;
  fetched: number;
  removed: number;
  how: string;
  parentKey: string | null;
}

/**
 * Fetches the stale documents in full, GRAPHQL_PAGE_SIZE at a time, and stores them with their key
 * and their warnings. Those no longer published by then are dropped from `listed`.
 */
async function refetchStale<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  schema: EntrySchema,
  context: LoaderContext,
  stale: ChildStamp[],
  listed: Map<string, ChildStamp>,
  warnings: Map<string, string[]>,
  timings: LoadTimings,
): Promise<void> {
  const { store, logger } = context;
  for (let start = 0; start < stale.length; start += GRAPHQL_PAGE_SIZE) {
    const ids = stale.slice(start, start + GRAPHQL_PAGE_SIZE).map((stamp) => stamp.documentId);
    const fetched = new Set<string>();
    const fetching = performance.now();
    const nodes = await source.fetchByIds(ids, GRAPHQL_PAGE_SIZE);
    timings.fetchMs += performance.now() - fetching;
    for (const fetchedNode of nodes) {
      if (!fetchedNode) continue;
      const cleaned = source.clean ? source.clean(fetchedNode) : { node: fetchedNode, warnings: [] };
      const node = cleaned.node;
      for (const warning of cleaned.warnings) logger.warn(warning);
      if (cleaned.warnings.length > 0) warnings.set(node.documentId, cleaned.warnings);
      else warnings.delete(node.documentId);
      const validating = performance.now();
      const data = validateEntry(schema, source.name, node.documentId, node);
      timings.validateMs += performance.now() - validating;
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

/** Nothing cached, so nothing to compare stamps with (unless a benchmark asks for the old way). */
const readsEverything = (store: LoaderContext['store']): boolean =>
  store.keys().length === 0 && readContentSourceEnv().SITE_COLD_FETCH === 'direct';

/** A build with something cached: list the stamps, refetch what changed, drop what went. */
async function loadChanged<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  schema: EntrySchema,
  context: LoaderContext,
  warnings: Map<string, string[]>,
  timings: LoadTimings,
): Promise<LoadOutcome> {
  const listing = performance.now();
  const { stamps, parentCheck } = await listCurrentStamps(source, context);
  timings.fetchMs += performance.now() - listing;
  const listed = new Map(stamps.map((stamp) => [stamp.documentId, stamp]));
  const stale = staleStamps(stamps, context.store, parentCheck.withParents);
  await refetchStale(source, schema, context, stale, listed, warnings, timings);
  const removed = dropUnlisted(context.store, listed);
  const how = parentCheck.withParents ? ', listed with parents' : '';
  return { listed: stamps.length, fetched: stale.length, removed, how, parentKey: parentCheck.parentKey };
}

/**
 * A build with nothing cached: there is nothing to compare stamps with, so every published
 * document is read in full straight away (see fetchEveryEntry), several pages at a time. The
 * parents' stamps are listed first, as on every build, so the next build knows whether they changed.
 */
async function loadEverything<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  schema: EntrySchema,
  context: LoaderContext,
  warnings: Map<string, string[]>,
  timings: LoadTimings,
): Promise<LoadOutcome> {
  const { store, logger } = context;
  const fetching = performance.now();
  let entries: Array<FetchedEntry<Node>>;
  let parentCheck: ParentCheck;
  try {
    parentCheck = await checkParents(source, context);
    entries = await fetchEveryEntry(source);
  } catch (error) {
    throw new Error(
      `[site] Could not read ${source.name} from Strapi. Is Strapi running at STRAPI_URL, and is STRAPI_READ_TOKEN valid?`,
      { cause: error },
    );
  }
  timings.fetchMs += performance.now() - fetching;
  const validating = performance.now();
  for (const entry of entries) {
    for (const warning of entry.warnings) logger.warn(warning);
    if (entry.warnings.length > 0) warnings.set(entry.id, entry.warnings);
    const data = validateEntry(schema, source.name, entry.id, entry.node);
    store.set({ id: entry.id, data, digest: entry.key });
  }
  timings.validateMs += performance.now() - validating;
  return {
    listed: entries.length,
    fetched: entries.length,
    removed: 0,
    how: ', cold',
    parentKey: parentCheck.parentKey,
  };
}

/**
 * An Astro content-layer loader for one Strapi collection that only refetches what changed.
 * Each build lists the stamps of every published document (cheap: 100 per request), refetches in
 * full the documents that are new or whose stamp differs from the cached one (100 per request), and
 * drops the cached ones that are no longer published. Requests grow with N/100; after a single
 * publish a build reads one full document instead of all of them. A document moved to another
 * parent from the parent's side keeps its dates, so when the parents changed the listing also
 * names each document's parent, and a document whose parent differs from the cached one is
 * refetched. A build with nothing cached reads every document in full at once instead (see
 * loadEverything). Every entry is validated against the collection's schema (validateEntry), so a
 * malformed document fails the build and the error names it.
 */
export function incrementalStrapiLoader<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
  schema: EntrySchema,
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
      const timings: LoadTimings = { fetchMs: 0, validateMs: 0 };
      const outcome = readsEverything(store)
        ? await loadEverything(source, schema, context, warnings, timings)
        : await loadChanged(source, schema, context, warnings, timings);

      for (const id of warnings.keys()) if (!store.has(id)) warnings.delete(id);
      meta.set('warnings', JSON.stringify(Object.fromEntries(warnings)));
      setBuildWarnings(source.name, [...warnings.values()].flat());
      if (outcome.parentKey !== null) meta.set('parent-stamps', outcome.parentKey);
      // Read by `npm run bench:build` for its phase times: keep "fetch N ms, validation N ms".
      logger.info(
        `${String(outcome.listed)} ${source.name} (${String(outcome.fetched)} fetched, ${String(outcome.removed)} removed${outcome.how}; fetch ${String(Math.round(timings.fetchMs))} ms, validation ${String(Math.round(timings.validateMs))} ms) in ${String(Date.now() - started)} ms (${String(graphqlRequestCount())} GraphQL requests so far)`,
      );
    },
  };
}
