/** Where the search page is, for its live status line. */
export type SearchPhase =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'nothing-published' }
  | { kind: 'idle' }
  | { kind: 'done'; term: string; total: number; filtered: boolean };

const results = (total: number): string => `${String(total)} ${total === 1 ? 'result' : 'results'}`;

/**
 * The status the page shows and screen readers announce (politely) after each search: "3 results
 * for “partners”", with the filters mentioned when they narrow it.
 */
export function statusText(phase: SearchPhase): string {
  switch (phase.kind) {
    case 'loading':
      return 'Loading search…';
    case 'failed':
      return 'Search could not be loaded. Please try again later, or browse the modules.';
    case 'nothing-published':
      return 'No modules are published yet, so there is nothing to search.';
    case 'idle':
      return 'Type a word to search every module, or pick a module or section.';
    case 'done': {
      const filters = phase.filtered ? ' in the selected filters' : '';
      if (phase.term === '') return `${results(phase.total)}${filters}`;
      return `${results(phase.total)} for “${phase.term}”${filters}`;
    }
  }
}
