import type { Loader } from 'astro/loaders';
import { setBuildWarnings } from '@lm/shared';
import { readContentSnapshot } from '../lib/content-snapshot';
import { validateEntry, type EntrySchema } from './validate-entry';

/**
 * A content loader that reads one collection from a content snapshot (see content-snapshot.ts)
 * instead of Strapi: the entries, cache keys and warnings the Strapi loader would store, validated
 * by the same schema and rendered by the same components. Only for measuring a build without its
 * fetch; content.config.ts uses it only when SITE_CONTENT_SNAPSHOT is set.
 */
export function snapshotLoader(name: string, schema: EntrySchema, file: string): Loader {
  return {
    name: `snapshot-${name}`,
    load: async (context) => {
      const { store, meta, logger } = context;
      if (process.env.SITE_SKIP_CONTENT_LOAD === '1') return;
      const started = performance.now();
      const snapshot = await readContentSnapshot(file);
      const entries = snapshot.collections[name];
      if (!entries) throw new Error(`[site] The content snapshot ${file} holds no ${name}.`);
      // A cache filled from Strapi, or from another snapshot, is not this one's.
      const origin = `snapshot ${file} ${snapshot.takenAt}`;
      if (meta.get('origin') !== origin) {
        store.clear();
        meta.set('origin', origin);
      }
      const read = performance.now() - started;
      const validating = performance.now();
      const ids = new Set<string>();
      for (const entry of entries) {
        ids.add(entry.id);
        if (store.get(entry.id)?.digest === entry.key) continue;
        const data = validateEntry(schema, name, entry.id, entry.data);
        store.set({ id: entry.id, data, digest: entry.key });
      }
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      const warnings = entries.flatMap((entry) => entry.warnings);
      for (const warning of warnings) logger.warn(warning);
      setBuildWarnings(name, warnings);
      // Same wording as the Strapi loader's line, which `npm run bench:build` reads.
      logger.info(
        `${String(entries.length)} ${name} (from snapshot; fetch ${String(Math.round(read))} ms, validation ${String(Math.round(performance.now() - validating))} ms) in ${String(Math.round(performance.now() - started))} ms`,
      );
    },
  };
}
