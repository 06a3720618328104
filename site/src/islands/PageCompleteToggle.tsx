import './progress.css';
import { useHydrated, useProgress } from './use-progress';

interface Props {
  /** The page's Strapi documentId, the same across re-publishes. */
  pageId: string;
}

/** "Mark this page complete": a toggle button, shown only once JavaScript runs. */
export function PageCompleteToggle({ pageId }: Props) {
  const hydrated = useHydrated();
  const [progress, dispatch] = useProgress();
  if (!hydrated) return null;
  const done = progress.pages.includes(pageId);
  return (
    <div className="page-complete">
      <button
        type="button"
        className="page-complete__button"
        aria-pressed={done}
        onClick={() => {
          dispatch({ type: 'page', pageId, done: !done });
        }}
      >
        <span className="page-complete__box" aria-hidden="true">
          {done ? '✓' : ''}
        </span>
        Mark this page complete
      </button>
      {done && <span className="page-complete__note">Completed. Your progress is saved in this browser only.</span>}
    </div>
  );
}
