import type { ProgressState } from './progress-state';

/** A page as the progress islands see it: its documentId and URL, in reading order. */
export interface ProgressPage {
  id: string;
  href: string;
}

/** How far a learner is through a module's pages. */
export function pagesDone(pages: readonly ProgressPage[], state: ProgressState): number {
  const done = new Set(state.pages);
  return pages.filter((page) => done.has(page.id)).length;
}

/**
 * Where "Continue" leads: the first page not yet done, once some page is done. Null before any
 * progress (the link keeps saying "Start") and when every page is done (nothing to continue).
 */
export function continueTarget(pages: readonly ProgressPage[], state: ProgressState): ProgressPage | null {
  const done = new Set(state.pages);
  if (!pages.some((page) => done.has(page.id))) return null;
  return pages.find((page) => !done.has(page.id)) ?? null;
}
