import { z } from 'zod';
import type { ContentSnapshot, SnapshotEntry } from '@lm/shared';

/** The fields of a module entry a copy renames; the rest of the entry is kept as it is. */
const moduleData = z.object({ documentId: z.string(), slug: z.string(), title: z.string() }).passthrough();
const sectionData = z
  .object({ documentId: z.string(), module: z.object({ documentId: z.string(), slug: z.string() }).passthrough() })
  .passthrough();
const pageData = z
  .object({
    documentId: z.string(),
    section: z.object({ documentId: z.string() }).passthrough(),
    legacyPaths: z.array(z.object({ path: z.string() }).passthrough()).nullish(),
  })
  .passthrough();

const collectionOf = (snapshot: ContentSnapshot, name: string): SnapshotEntry[] => {
  const entries = snapshot.collections[name];
  if (!entries) throw new Error(`[bench] The content snapshot holds no ${name}.`);
  return entries;
};

/**
 * A snapshot holding `copies` copies of every module of `snapshot`, each with its sections and
 * pages: the first copy is the original, the others get new document ids, module slugs, titles and
 * old addresses (which must be unique across the site), with their pages' bodies unchanged (their
 * links still point at the original pages, which exist). It lets a build be measured at a size
 * that filling a Strapi through its API would take hours to reach on one machine.
 */
export function repeatSnapshot(snapshot: ContentSnapshot, copies: number): ContentSnapshot {
  const modules = collectionOf(snapshot, 'modules');
  const sections = collectionOf(snapshot, 'sections');
  const pages = collectionOf(snapshot, 'pages');
  const repeated = { modules: [...modules], sections: [...sections], pages: [...pages] };
  for (let copy = 2; copy <= copies; copy += 1) {
    const id = (documentId: string): string => `${documentId}c${String(copy)}`;
    const entry = (original: SnapshotEntry, data: Record<string, unknown>): SnapshotEntry => ({
      ...original,
      id: id(original.id),
      key: `${original.key} copy ${String(copy)}`,
      data,
    });
    for (const original of modules) {
      const data = moduleData.parse(original.data);
      repeated.modules.push(
        entry(original, {
          ...data,
          documentId: id(data.documentId),
          slug: `${data.slug}-${String(copy)}`,
          title: `${data.title} (${String(copy)})`,
        }),
      );
    }
    for (const original of sections) {
      const data = sectionData.parse(original.data);
      const module = {
        ...data.module,
        documentId: id(data.module.documentId),
        slug: `${data.module.slug}-${String(copy)}`,
      };
      repeated.sections.push(entry(original, { ...data, documentId: id(data.documentId), module }));
    }
    for (const original of pages) {
      const data = pageData.parse(original.data);
      repeated.pages.push(
        entry(original, {
          ...data,
          documentId: id(data.documentId),
          section: { ...data.section, documentId: id(data.section.documentId) },
          legacyPaths:
            data.legacyPaths?.map((legacy) => ({ ...legacy, path: `/copy-${String(copy)}${legacy.path}` })) ??
            data.legacyPaths,
        }),
      );
    }
  }
  return { ...snapshot, takenAt: `${snapshot.takenAt} ×${String(copies)}`, collections: repeated };
}
