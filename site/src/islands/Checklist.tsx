import './progress.css';
import { useHydrated, useProgress } from './use-progress';

/** One item of a checklist box, keyed by page and text (see checklistItemKey). */
export interface ChecklistItem {
  key: string;
  text: string;
  url: string | null;
}

interface Props {
  items: ChecklistItem[];
}

function ItemText({ item }: { item: ChecklistItem }) {
  return item.url ? <a href={item.url}>{item.text}</a> : <>{item.text}</>;
}

/**
 * The items of a "questions" or "checklist" resource box. The build's HTML holds the plain list,
 * readable without JavaScript; once the island runs, each item gets a labelled checkbox whose tick
 * is remembered in this browser.
 */
export function Checklist({ items }: Props) {
  const hydrated = useHydrated();
  const [progress, dispatch] = useProgress();
  if (!hydrated) {
    return (
      <ul className="resource-box__items">
        {items.map((item) => (
          <li key={item.key}>
            <ItemText item={item} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="resource-box__items checklist">
      {items.map((item) => (
        <li key={item.key}>
          <label className="checklist__item">
            <input
              type="checkbox"
              checked={progress.checks.includes(item.key)}
              onChange={(event) => {
                dispatch({ type: 'check', key: item.key, checked: event.currentTarget.checked });
              }}
            />
            <span>
              <ItemText item={item} />
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
