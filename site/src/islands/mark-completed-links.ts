const MARK_CLASS = 'progress-mark';

/** A tick the eye sees and the words a screen reader reads, appended to a completed page's link. */
function createMark(): HTMLSpanElement {
  const mark = document.createElement('span');
  mark.className = MARK_CLASS;
  const tick = document.createElement('span');
  tick.setAttribute('aria-hidden', 'true');
  tick.textContent = '✓';
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = ' (completed)';
  mark.append(tick, words);
  return mark;
}

/**
 * Marks the links `a[data-page-id]` inside `container` (the module sidebar) whose page is done,
 * and unmarks the others: the sidebar is server-rendered outside any island, so it is decorated.
 */
export function markCompletedLinks(container: ParentNode, donePageIds: ReadonlySet<string>): void {
  for (const link of container.querySelectorAll<HTMLAnchorElement>('a[data-page-id]')) {
    const done = donePageIds.has(link.dataset.pageId ?? '');
    const mark = link.querySelector(`:scope > .${MARK_CLASS}`);
    link.classList.toggle('is-complete', done);
    if (done && !mark) link.append(createMark());
    if (!done && mark) mark.remove();
  }
}

/** The module's sidebar, `nav[data-module-id]`, when the page has one. */
export function moduleSidebar(moduleId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`nav[data-module-id="${CSS.escape(moduleId)}"]`);
}
