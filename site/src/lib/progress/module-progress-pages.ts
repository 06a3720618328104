import { pageUrl } from '@lm/shared';
import { contentGraph, type ModuleNode } from '../content-graph';
import type { ProgressPage } from './continue-target';

/** A module's pages in reading order, as the progress islands take them (build time only). */
export function progressPagesOf(node: ModuleNode): ProgressPage[] {
  return node.sections.flatMap(({ pages }) =>
    pages.map((page) => ({ id: page.documentId, href: pageUrl(node.module.slug, page.slug) })),
  );
}

/** The pages of the module with this documentId (build time only); fails when it is not published. */
export async function progressPagesOfModule(moduleId: string): Promise<ProgressPage[]> {
  const node = (await contentGraph()).find(({ module }) => module.documentId === moduleId);
  if (!node) throw new Error(`[site] No published module has the documentId ${moduleId}; progress cannot list its pages.`);
  return progressPagesOf(node);
}
