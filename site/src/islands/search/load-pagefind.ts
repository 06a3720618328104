/** The filters of a search: for each filter (module, section), the values any of which may match. */
export type SelectedFilters = Record<string, { any: string[] }>;

/** The part of Pagefind's browser API the search page uses (see pagefind.js in a bundle). */
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<unknown>;
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<unknown>;
  search: (term: string | null, options: { filters: SelectedFilters }) => Promise<unknown>;
  filters: () => Promise<unknown>;
}

function isPagefind(value: unknown): value is Pagefind {
  return (
    typeof value === 'object' &&
    value !== null &&
    'options' in value &&
    typeof value.options === 'function' &&
    'mergeIndex' in value &&
    typeof value.mergeIndex === 'function' &&
    'search' in value &&
    typeof value.search === 'function' &&
    'filters' in value &&
    typeof value.filters === 'function'
  );
}

/**
 * Loads Pagefind from the first module's bundle and merges every other module's bundle into it, so
 * one search covers the whole site. Each module has its own bundle (`/modules/<slug>/_search/`,
 * written when the module is rendered); null when no module has one.
 */
export async function loadPagefind(bundles: readonly string[]): Promise<Pagefind | null> {
  const [first, ...others] = bundles;
  if (first === undefined) return null;
  // A URL known only at run time, served beside the site: not for the bundler to resolve.
  const loaded: unknown = await import(/* @vite-ignore */ `${first}pagefind.js`);
  if (!isPagefind(loaded)) throw new Error(`[search] ${first}pagefind.js is not a Pagefind bundle.`);
  await loaded.options({ excerptLength: 24 });
  for (const bundle of others) await loaded.mergeIndex(bundle);
  return loaded;
}
