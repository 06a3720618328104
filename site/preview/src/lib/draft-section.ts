import { z } from 'zod';
import { CONTENT_TYPE_UIDS, previewPathOf } from '@lm/shared';
import { PreviewSectionModuleDocument } from '@lm/shared/graphql';
import { draftClient } from './draft-client';

const placeSchema = z.object({
  section: z.object({ slug: z.string(), module: z.object({ documentId: z.string() }).nullable() }).nullable(),
});

/**
 * Where a draft section is shown: its module's preview, at the section's heading (the id the
 * module home gives it), or why there is nothing to show.
 */
export type DraftSection = { kind: 'section'; previewPath: string } | { kind: 'missing' } | { kind: 'unplaced' };

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
  const modulePath = previewPathOf({ uid: CONTENT_TYPE_UIDS.module, documentId: section.module.documentId });
  return { kind: 'section', previewPath: `${modulePath}#section-${section.slug}` };
}
