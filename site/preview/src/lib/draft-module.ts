import { z } from 'zod';
import {
  compareNumbering,
  GRAPHQL_PAGE_SIZE,
  moduleEntrySchema,
  pageEntrySchema,
  sectionEntrySchema,
} from '@lm/shared';
import { PreviewModuleContentDocument } from '@lm/shared/graphql';
import type { ModuleNode } from '../../../src/lib/content-graph';
import { withoutUnsafeUrls } from '../../../src/lib/without-unsafe-urls';
import { draftClient } from './draft-client';

const contentSchema = z.object({
  module: moduleEntrySchema.nullable(),
  sections: z.array(sectionEntrySchema.nullable()),
  pages: z.array(pageEntrySchema.nullable()),
});

/**
 * A module's drafts arranged as the public pages take them (site/src/lib/content-graph.ts does the
 * same for published content): sections in number order, each with its pages in reading order.
 * Undefined when there is no such module. Read fresh on every request: a preview shows the last save.
 */
export async function draftModule(documentId: string): Promise<ModuleNode | undefined> {
  let raw;
  try {
    raw = await draftClient().request(PreviewModuleContentDocument, { documentId, pageSize: GRAPHQL_PAGE_SIZE });
  } catch (error) {
    throw new Error(`[preview] Strapi did not answer the drafts of module ${documentId}. Is it running?`, {
      cause: error,
    });
  }
  // Unsafe URLs the CMS refused after they were saved are left out here too, as in the build.
  const cleaned = { ...raw, pages: raw.pages.map((page) => (page ? withoutUnsafeUrls(page).page : null)) };
  const content = contentSchema.parse(cleaned);
  if (!content.module) return undefined;
  const pages = content.pages.filter((page) => page !== null);
  return {
    module: content.module,
    sections: content.sections
      .filter((section) => section !== null)
      .sort((a, b) => a.number - b.number)
      .map((section) => ({
        section,
        pages: pages
          .filter((page) => page.section?.documentId === section.documentId)
          .sort((a, b) => compareNumbering(a.number, b.number)),
      })),
  };
}
