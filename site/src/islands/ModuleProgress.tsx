import './progress.css';
import { useEffect, useId, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { continueTarget, pagesDone, type ProgressPage } from '../lib/progress/continue-target';
import { markCompletedLinks, moduleSidebar } from './mark-completed-links';
import { updateStartLink } from './update-start-link';
import { useHydrated, useProgress } from './use-progress';

interface Props {
  /** The module's Strapi documentId: the sidebar to decorate is `nav[data-module-id=<it>]`. */
  moduleId: string;
  /** The module's pages in reading order. */
  pages: ProgressPage[];
  /**
   * `home`: on the module home, also turns "Start" into "Continue". `sidebar`: on a content page,
   * shown in the sidebar's `.sidebar-progress` slot (in place when the page has no sidebar), and
   * ticks the sidebar's completed pages.
   */
  placement: 'home' | 'sidebar';
}

/** "2 of 4 pages done" with a progress bar; rendered only once JavaScript runs. */
export function ModuleProgress({ moduleId, pages, placement }: Props) {
  const hydrated = useHydrated();
  const [progress] = useProgress();
  const labelId = useId();
  const done = pagesDone(pages, progress);

  const doneIds = useMemo(() => new Set(progress.pages), [progress.pages]);
  useEffect(() => {
    const sidebar = moduleSidebar(moduleId);
    if (sidebar) markCompletedLinks(sidebar, doneIds);
  }, [moduleId, doneIds]);
  useEffect(() => {
    if (placement === 'home') updateStartLink(continueTarget(pages, progress));
  }, [placement, pages, progress]);

  if (!hydrated) return null;
  const bar = (
    <div className="module-progress">
      <p className="module-progress__label" id={labelId}>
        {done} of {pages.length} pages done
      </p>
      <progress className="module-progress__bar" max={pages.length} value={done} aria-labelledby={labelId} />
    </div>
  );
  const slot = placement === 'sidebar' ? moduleSidebar(moduleId)?.querySelector('.sidebar-progress') : null;
  return slot ? createPortal(bar, slot) : bar;
}
