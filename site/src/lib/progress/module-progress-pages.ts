import { pageUrl } from '@lm/shared';
import type { ModuleNode } from '../content-graph';
import type { ProgressPage } from './continue-target';

/** A module's pages in reading order, as the progress islands take them (build time only). */
export function progressPagesOf(node: ModuleNode): ProgressPage[] {
  return node.sections.flatMap(({ pages }) =>
    pages.map((page) => ({ id: page.documentId, href: pageUrl(node.module.slug, page.slug) })),
  );
}
