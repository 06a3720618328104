import { GraphQLClient } from 'graphql-request';
import { fingerprintSchema, GRAPHQL_PAGE_SIZE, type Fingerprint } from '@lm/shared';
import {
  FingerprintDocument,
  ModuleSlugsDocument,
  PagesWithParentsDocument,
  PublishedPageIdsDocument,
  ReleaseSectionsDocument,
  type FingerprintQuery,
} from '@lm/shared/graphql';
import type { ContentReader } from './content-reader.js';
import {
  listedPageIds,
  releaseContents,
  type ListedSection,
  type ReleaseContents,
  type StrayPage,
} from './release-contents.js';

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

/** Every node of a listing read 100 per request; a null connection means the schema is not ours. */
async function listAll<T>(
  listPage: (page: number) => Promise<{ nodes: readonly T[]; pageCount: number } | null | undefined>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const result = await listPage(page);
    if (!result) throw new Error('Strapi returned no connection; is the schema the one in shared/schema.graphql?');
    all.push(...result.nodes);
    pageCount = result.pageCount;
  }
  return all;
}

/**
 * Reads the fingerprint and what a release must contain from Strapi's GraphQL API with the read-only token, so
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

    async releaseContents() {
      try {
        return await readReleaseContents(client);
      } catch (error) {
        throw failure('the published modules, sections and pages', error);
      }
    },
  };
}

/**
 * What a release must contain: the published modules, the sections with their pages, and the
 * published pages no section lists (read with their parents, so the release check can say why).
 */
async function readReleaseContents(client: GraphQLClient): Promise<ReleaseContents> {
  const pageSize = GRAPHQL_PAGE_SIZE;
  const moduleSlugs = await listAll(async (page) => {
    const connection = (await client.request(ModuleSlugsDocument, { page, pageSize })).modules_connection;
    return connection && { nodes: connection.nodes.map((node) => node.slug), pageCount: connection.pageInfo.pageCount };
  });
  const sections: ListedSection[] = await listAll(async (page) => {
    const connection = (await client.request(ReleaseSectionsDocument, { page, pageSize })).sections_connection;
    return connection && { nodes: connection.nodes, pageCount: connection.pageInfo.pageCount };
  });
  const pageIds = await listAll(async (page) => {
    const connection = (await client.request(PublishedPageIdsDocument, { page, pageSize })).pages_connection;
    return (
      connection && { nodes: connection.nodes.map((node) => node.documentId), pageCount: connection.pageInfo.pageCount }
    );
  });
  const listed = listedPageIds(sections);
  const unlisted = pageIds.filter((id) => !listed.has(id));
  const strays: StrayPage[] = [];
  for (let start = 0; start < unlisted.length; start += pageSize) {
    const ids = unlisted.slice(start, start + pageSize);
    const result = await client.request(PagesWithParentsDocument, { ids, pageSize });
    strays.push(...result.pages.flatMap((page) => (page ? [page] : [])));
  }
  return releaseContents(moduleSlugs, sections, strays);
}
