import type { ProgressPage } from '../lib/progress/continue-target';

/**
 * Points the module home's "Start" link (`a.start-link[data-first-page-id]`) at `target` with the
 * text "Continue where you left off", or puts it back as the build rendered it when `target` is null.
 */
export function updateStartLink(target: ProgressPage | null): void {
  const link = document.querySelector<HTMLAnchorElement>('a.start-link[data-first-page-id]');
  if (!link) return;
  // The build's text and href, kept to restore them when progress is cleared (e.g. in another tab).
  link.dataset.startText ??= link.textContent;
  link.dataset.startHref ??= link.getAttribute('href') ?? '';
  link.textContent = target ? 'Continue where you left off' : link.dataset.startText;
  link.setAttribute('href', target ? target.href : link.dataset.startHref);
}
