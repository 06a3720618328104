import { z } from 'zod';
import { PreviewPageModuleDocument } from '@lm/shared/graphql';
import type { ModuleNode, PageNode } from '../../../src/lib/content-graph';
import { draftClient } from './draft-client';
import { draftModule } from './draft-module';

const placeSchema = z.object({
  page: z
    .object({
      documentId: z.string(),
      section: z.object({ module: z.object({ documentId: z.string() }).nullable() }).nullable(),
    })
    .nullable(),
});

/** What a page preview shows: the page in its module, or why there is nothing to show. */
export type DraftPage =
  | { kind: 'page'; node: PageNode }
  | { kind: 'missing' }
  /** The page (or its section) is not attached to a section (a module) yet, so it has no place to show in. */
  | { kind: 'unplaced' };

/** The page's node within its module, as site/src/lib/content-graph.ts builds one for the build. */
function pageNodeIn({ module, sections }: ModuleNode, pageId: string): PageNode | undefined {
  const ordered = sections.flatMap(({ section, pages }, sectionIndex) =>
    pages.map((page, pageIndex) => ({
      section,
      page,
      position: {
        section: sectionIndex + 1,
        sectionCount: sections.length,
        page: pageIndex + 1,
        pageCount: pages.length,
      },
    })),
  );
  const index = ordered.findIndex(({ page }) => page.documentId === pageId);
  const found = ordered[index];
  if (!found) return undefined;
  return { module, sections, ...found, previous: ordered[index - 1]?.page, next: ordered[index + 1]?.page };
}

/** A draft page with its module's drafts around it (sidebar, position, previous and next). */
export async function draftPage(documentId: string): Promise<DraftPage> {
  let raw;
  try {
    raw = await draftClient().request(PreviewPageModuleDocument, { documentId });
  } catch (error) {
    throw new Error(`[preview] Strapi did not answer the draft of page ${documentId}. Is it running?`, {
      cause: error,
    });
  }
  const { page } = placeSchema.parse(raw);
  if (!page) return { kind: 'missing' };
  const moduleId = page.section?.module?.documentId;
  if (!moduleId) return { kind: 'unplaced' };
  const module = await draftModule(moduleId);
  const node = module && pageNodeIn(module, documentId);
  return node ? { kind: 'page', node } : { kind: 'unplaced' };
}
