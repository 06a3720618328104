import type { Stamp } from './entry-key';

/** A stamp listed with its parent (undefined when the listing did not ask for parents). */
export interface ChildStamp extends Stamp {
  parentId?: string | null;
}

/** One page of a paginated listing. */
export interface StampPage<T> {
  nodes: readonly T[];
  pageInfo: { pageCount: number };
}

/** How the loaders read one Strapi collection (see strapi-sources.ts). */
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
   * One page of all published documents in full, with their dates: what a build with nothing
   * cached reads, instead of listing stamps and then fetching every listed document by id.
   */
  fetchPage: (page: number, pageSize: number) => Promise<StampPage<Node & Stamp>>;
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
