import type { Loader } from 'astro/loaders';
import { graphqlRequestCount } from '../lib/strapi-client';

/** Strapi's GraphQL `amountLimit`: the most entries one request may ask for. */
export const PAGE_SIZE = 100;

interface Connection {
  nodes: ReadonlyArray<{ documentId: string }>;
  pageInfo: { pageCount: number; total: number };
}

/**
 * An Astro content-layer loader that pages through one Strapi collection over GraphQL, 100 entries
 * per request, and stores each entry under its documentId. Astro validates each entry against the
 * collection's schema, so a malformed document fails the build and the error names it.
 */
export function pagedStrapiLoader(
  name: string,
  fetchPage: (page: number, pageSize: number) => Promise<Connection>,
): Loader {
  return {
    name: `strapi-${name}`,
    load: async (context) => {
      const { store, logger } = context;
      // `astro check` syncs content to generate types; `npm run typecheck` sets this so checking
      // types needs no running Strapi. Types come from the schemas, not from the data.
      if (process.env.SITE_SKIP_CONTENT_LOAD === '1') {
        logger.info(`skipped loading ${name} (SITE_SKIP_CONTENT_LOAD=1)`);
        return;
      }
      const started = Date.now();
      let connection: Connection;
      try {
        connection = await fetchPage(1, PAGE_SIZE);
      } catch (error) {
        throw new Error(
          `[site] Could not read ${name} from Strapi. Is Strapi running at STRAPI_URL, and is STRAPI_READ_TOKEN valid?`,
          { cause: error },
        );
      }
      const nodes = [...connection.nodes];
      for (let page = 2; page <= connection.pageInfo.pageCount; page += 1) {
        const next = await fetchPage(page, PAGE_SIZE);
        nodes.push(...next.nodes);
      }
      store.clear();
      for (const node of nodes) {
        const data = await context.parseData({ id: node.documentId, data: { ...node } });
        store.set({ id: node.documentId, data, digest: context.generateDigest(data) });
      }
      logger.info(
        `${nodes.length} ${name} in ${Date.now() - started} ms (${graphqlRequestCount()} GraphQL requests so far)`,
      );
    },
  };
}
