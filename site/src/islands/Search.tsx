import { useEffect, useState } from 'react';
import { FilterGroup } from './search/FilterGroup';
import type { SelectedFilters } from './search/load-pagefind';
import { SearchResult } from './search/SearchResult';
import { statusText } from './search/status-text';
import { useSearch } from './search/use-search';

interface Props {
  /** Every module's search bundle, e.g. `/modules/community-partnerships/_search/`. */
  bundles: string[];
  /** Where the modules are listed, for when search cannot run. */
  modulesHref: string;
}

/** Results shown at first, and added by each "Show more results". */
const PAGE_SIZE = 20;

const FILTERS = [
  { name: 'module', legend: 'Module' },
  { name: 'section', legend: 'Section' },
] as const;

/** The search page's island: a search box, module and section filters, a live status, results. */
export default function Search({ bundles, modulesHref }: Props) {
  // Server-rendered (and before hydration) only the notice shows: no control that cannot work.
  const [running, setRunning] = useState(false);
  const [term, setTerm] = useState('');
  const [filters, setFilters] = useState<SelectedFilters>({});
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { phase, options, outcome } = useSearch(bundles, { term, filters, limit });

  useEffect(() => {
    // Every page's header form sends its words here as ?q=.
    setTerm(new URLSearchParams(window.location.search).get('q') ?? '');
    setRunning(true);
  }, []);

  if (!running) {
    return (
      <p className="search-notice">
        Search needs JavaScript, which is turned off or did not load. You can browse the{' '}
        <a href={modulesHref}>list of modules</a> instead.
      </p>
    );
  }

  const search = (next: string): void => {
    setTerm(next);
    setLimit(PAGE_SIZE);
    // Keeps the words in the address, so reloading or sharing the page repeats the search.
    const url = new URL(window.location.href);
    if (next === '') url.searchParams.delete('q');
    else url.searchParams.set('q', next);
    window.history.replaceState(null, '', url);
  };

  return (
    <div className="search">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <label htmlFor="search-term">Search all modules</label>
        <input
          id="search-term"
          type="search"
          value={term}
          autoComplete="off"
          onChange={(event) => {
            search(event.target.value);
          }}
        />
      </form>
      <div className="search-filters">
        {FILTERS.map(({ name, legend }) => {
          const all = options[name] ?? {};
          const counts = Object.fromEntries(
            Object.entries(all).map(([value, count]) => [value, outcome?.filters[name]?.[value] ?? count]),
          );
          return (
            <FilterGroup
              key={name}
              name={name}
              legend={legend}
              counts={counts}
              selected={filters[name]?.any ?? []}
              onChange={(selected) => {
                setFilters((current) => ({ ...current, [name]: { any: selected } }));
                setLimit(PAGE_SIZE);
              }}
            />
          );
        })}
      </div>
      <p className="search-status" role="status" aria-live="polite">
        {statusText(phase)}
        {phase.kind === 'failed' && (
          <>
            {' '}
            <a href={modulesHref}>List of modules</a>
          </>
        )}
      </p>
      {outcome && outcome.hits.length > 0 && (
        <ol className="search-results">
          {outcome.hits.map((hit) => (
            <SearchResult key={hit.id} hit={hit} />
          ))}
        </ol>
      )}
      {outcome && outcome.total > outcome.hits.length && (
        <button
          type="button"
          onClick={() => {
            setLimit((current) => current + PAGE_SIZE);
          }}
        >
          Show more results
        </button>
      )}
    </div>
  );
}
