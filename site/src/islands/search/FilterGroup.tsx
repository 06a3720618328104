/** The values of one filter (module or section), as checkboxes: any checked value matches. */
export interface FilterGroupProps {
  /** The filter's name in the index: `module` or `section`. */
  name: string;
  legend: string;
  /** Every value, with the number of pages the current search finds with it. */
  counts: Record<string, number>;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** Sorted as people number things: "2. Partners" before "10. Review". */
const byNumbering = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });

/** A group of checkboxes in a fieldset, so its legend is read with each box. */
export function FilterGroup({ name, legend, counts, selected, onChange }: FilterGroupProps) {
  const values = Object.keys(counts).sort(byNumbering);
  if (values.length < 2) return null;
  return (
    <fieldset className="search-filter">
      <legend>{legend}</legend>
      {values.map((value) => {
        const checked = selected.includes(value);
        return (
          <label key={value}>
            <input
              type="checkbox"
              name={name}
              value={value}
              checked={checked}
              onChange={() => {
                onChange(checked ? selected.filter((other) => other !== value) : [...selected, value]);
              }}
            />{' '}
            {value} <span className="search-count">({String(counts[value] ?? 0)})</span>
          </label>
        );
      })}
    </fieldset>
  );
}
