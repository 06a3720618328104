import { useEffect, useRef, useState } from 'react';
import { loadPagefind, type Pagefind, type SelectedFilters } from './load-pagefind';
import { allFilters, runSearch, type FilterCounts, type SearchOutcome } from './run-search';
import type { SearchPhase } from './status-text';

/** Typing pauses this long before the search runs, so each keystroke does not search and announce. */
const DEBOUNCE_MS = 250;

/** The search a learner asked for: the words typed, the filter values checked, how many to show. */
export interface SearchRequest {
  term: string;
  filters: SelectedFilters;
  limit: number;
}

/** What the page shows: where the search is, every filter value, and the latest outcome. */
export interface SearchState {
  phase: SearchPhase;
  options: FilterCounts;
  outcome: SearchOutcome | null;
}

const hasFilters = (filters: SelectedFilters): boolean => Object.values(filters).some(({ any }) => any.length > 0);

/**
 * Loads Pagefind (with every module's bundle merged) once the page runs, then searches whenever
 * the request changes, after a pause in typing. An older search that answers late is dropped.
 */
export function useSearch(bundles: readonly string[], request: SearchRequest): SearchState {
  const [pagefind, setPagefind] = useState<Pagefind | null>(null);
  const [state, setState] = useState<SearchState>({ phase: { kind: 'loading' }, options: {}, outcome: null });
  const latest = useRef(0);

  useEffect(() => {
    loadPagefind(bundles)
      .then(async (loaded) => {
        if (loaded === null) {
          setState((current) => ({ ...current, phase: { kind: 'nothing-published' } }));
          return;
        }
        const options = await allFilters(loaded);
        setState((current) => ({ ...current, options, phase: { kind: 'idle' } }));
        setPagefind(loaded);
      })
      .catch((error: unknown) => {
        console.error('[search] Pagefind could not be loaded.', error);
        setState((current) => ({ ...current, phase: { kind: 'failed' } }));
      });
  }, [bundles]);

  const { term, filters, limit } = request;
  useEffect(() => {
    if (pagefind === null) return;
    const trimmed = term.trim();
    const filtered = hasFilters(filters);
    const id = ++latest.current;
    if (trimmed === '' && !filtered) {
      setState((current) => ({ ...current, phase: { kind: 'idle' }, outcome: null }));
      return;
    }
    const timer = setTimeout(() => {
      runSearch(pagefind, trimmed, filters, limit)
        .then((outcome) => {
          if (id !== latest.current) return;
          setState((current) => ({
            ...current,
            outcome,
            phase: { kind: 'done', term: trimmed, total: outcome.total, filtered },
          }));
        })
        .catch((error: unknown) => {
          console.error('[search] The search failed.', error);
          if (id === latest.current) setState((current) => ({ ...current, phase: { kind: 'failed' } }));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [pagefind, term, filters, limit]);

  return state;
}
