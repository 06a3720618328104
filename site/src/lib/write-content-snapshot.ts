import { writeFile } from 'node:fs/promises';
import { fetchEveryEntry } from '../loaders/fetch-every-entry';
import { moduleSource, pageSource, sectionSource } from '../loaders/strapi-sources';
import type { StrapiCollectionSource } from '../loaders/strapi-collection-source';
import type { ContentSnapshot, SnapshotEntry } from '@lm/shared';
import { readEnv } from './read-env';

async function entriesOf<Node extends { documentId: string }>(
  source: StrapiCollectionSource<Node>,
): Promise<SnapshotEntry[]> {
  const entries = await fetchEveryEntry(source);
  return entries.map(({ id, key, node, warnings }) => ({ id, key, data: { ...node }, warnings }));
}

/**
 * Reads the published content from Strapi exactly as a build with nothing cached does (the same
 * sources, queries, cleaning and cache keys; see fetchEveryEntry) and writes it to `file` as a
 * content snapshot. Returns how many entries of each collection it wrote.
 */
export async function writeContentSnapshot(file: string): Promise<Record<string, number>> {
  const [modules, sections, pages] = await Promise.all([
    entriesOf(moduleSource),
    entriesOf(sectionSource),
    entriesOf(pageSource),
  ]);
  const snapshot: ContentSnapshot = {
    format: 1,
    source: readEnv().STRAPI_URL,
    takenAt: new Date().toISOString(),
    collections: { modules, sections, pages },
  };
  await writeFile(file, JSON.stringify(snapshot));
  return { modules: modules.length, sections: sections.length, pages: pages.length };
}
