import { z } from 'zod';
import type { Pagefind, SelectedFilters } from './load-pagefind';

/** Counts by filter value, by filter name: `{ module: { "Community Partnerships": 4 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

const filterCountsSchema = z.record(z.record(z.number()));

const responseSchema = z.object({
  results: z.array(z.object({ id: z.string(), data: z.function() })),
  filters: filterCountsSchema,
});

const resultSchema = z.object({
  url: z.string(),
  excerpt: z.string(),
  meta: z.record(z.string()),
});

/** One result as the page lists it. */
export interface SearchHit {
  id: string;
  url: string;
  /** "N.N Title" */
  title: string;
  module: string;
  section: string;
  /** Pagefind's excerpt, with `<mark>` around the matches (see excerptParts). */
  excerpt: string;
}

/** What one search found: how many pages, the first `limit` of them, and counts by filter value. */
export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  filters: FilterCounts;
}

/** Every filter value in the merged index, with its page count. */
export async function allFilters(pagefind: Pagefind): Promise<FilterCounts> {
  return filterCountsSchema.parse(await pagefind.filters());
}

/**
 * Searches for `term` (or, with no term, lists the pages the filters select) and loads the data of
 * the first `limit` results only: Pagefind loads each result's fragment on demand.
 */
export async function runSearch(
  pagefind: Pagefind,
  term: string,
  filters: SelectedFilters,
  limit: number,
): Promise<SearchOutcome> {
  const response = responseSchema.parse(await pagefind.search(term === '' ? null : term, { filters }));
  const hits = await Promise.all(
    response.results.slice(0, limit).map(async (result): Promise<SearchHit> => {
      const { url, excerpt, meta } = resultSchema.parse(await result.data());
      return {
        id: result.id,
        url,
        title: meta['title'] ?? url,
        module: meta['module'] ?? '',
        section: meta['section'] ?? '',
        excerpt,
      };
    }),
  );
  return { total: response.results.length, hits, filters: response.filters };
}
