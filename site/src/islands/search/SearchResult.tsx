import { excerptParts } from './excerpt-parts';
import type { SearchHit } from './run-search';

/**
 * One result: the page's title as a link, where it is ("module › section"), and the excerpt with
 * the matches highlighted, rendered as text (see excerptParts).
 */
export function SearchResult({ hit }: { hit: SearchHit }) {
  const trail = [hit.module, hit.section].filter((part) => part !== '');
  return (
    <li className="search-result">
      {trail.length > 0 && (
        <p className="search-trail">
          {trail.join(' › ')} <span aria-hidden="true">›</span>
        </p>
      )}
      <a className="search-title" href={hit.url}>
        {hit.title}
      </a>
      <p className="search-excerpt">
        {excerptParts(hit.excerpt).map((part, index) =>
          part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
        )}
      </p>
    </li>
  );
}
