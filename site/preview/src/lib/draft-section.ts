import { z } from 'zod';
import { PreviewSectionModuleDocument } from '@lm/shared/graphql';
import { draftClient } from './draft-client';

const placeSchema = z.object({
  section: z.object({ slug: z.string(), module: z.object({ documentId: z.string() }).nullable() }).nullable(),
});

/** Where a draft section is shown: its module's home, at the section's heading. */
export type DraftSection =
  | { kind: 'section'; moduleId: string; slug: string }
  | { kind: 'missing' }
  | { kind: 'unplaced' };

export async function draftSection(documentId: string): Promise<DraftSection> {
  let raw;
  try {
    raw = await draftClient().request(PreviewSectionModuleDocument, { documentId });
  } catch (error) {
    throw new Error(`[preview] Strapi did not answer the draft of section ${documentId}. Is it running?`, {
      cause: error,
    });
  }
  const { section } = placeSchema.parse(raw);
  if (!section) return { kind: 'missing' };
  if (!section.module) return { kind: 'unplaced' };
  return { kind: 'section', moduleId: section.module.documentId, slug: section.slug };
}
