import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSnapshotSchema, RENDER_MANIFEST_FILE } from '@lm/shared';
import { writeSnapshot } from '../../scripts/bench/write-snapshot.js';
import { generateContent } from '../../scripts/lib/generate-content.js';
import { isPrecompressedSibling } from '../../scripts/lib/precompress-release.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { WarmSiteBuilder } from '../../scripts/lib/warm-site-builder.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A build from a content snapshot (SITE_CONTENT_SNAPSHOT) is the floor `npm run bench:build`
 * compares Strapi builds with: it must render exactly the pages a build from Strapi renders from
 * the same content, and must not need Strapi at all.
 */

let strapi: ThrowawayStrapi;
let work: string;

/** Every file of a built site and its contents, but the render manifest and precompressed siblings. */
async function siteFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === RENDER_MANIFEST_FILE || isPrecompressedSibling(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full, 'utf8'));
  }
  return files;
}

/** React's useId prefix on islands depends on render timing, not content (see incremental-build.test.ts). */
const withoutIslandPrefixes = (html: string | undefined): string | undefined =>
  html?.replace(/(<astro-island [^>]*?)prefix="r\d+"/g, '$1prefix="r"');

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  work = await tempDir('snapshot-build');
  // 2 modules × 2 sections × 3 pages, with outcomes and resource boxes.
  await generateContent({ env: strapi.write, modules: 2, sectionsPerModule: 2, pagesPerSection: 3 });
});

afterAll(async () => {
  await strapi.stop();
  await rm(work, { recursive: true, force: true });
});

describe('a build from a content snapshot', () => {
  it('renders the same pages as a build from Strapi of the same content, without asking Strapi', async () => {
    const env = { PATH: process.env.PATH, ...strapi.read };
    const fromStrapi = path.join(work, 'from-strapi');
    const builder = new WarmSiteBuilder(env);
    const a = await builder.build({ outDir: fromStrapi, reuseFrom: null }).finally(() => {
      builder.stop();
    });
    expect(a.report.graphqlRequests).toBeGreaterThan(0);

    const file = path.join(work, 'content.json');
    await writeSnapshot(env, file);
    const snapshot = contentSnapshotSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(snapshot.collections.pages).toHaveLength(12);

    // Strapi is gone: everything the snapshot build needs is in the file.
    await strapi.stop();
    const fromSnapshot = path.join(work, 'from-snapshot');
    const snapshotBuilder = new WarmSiteBuilder({ ...env, SITE_CONTENT_SNAPSHOT: file });
    const b = await snapshotBuilder.build({ outDir: fromSnapshot, reuseFrom: null }).finally(() => {
      snapshotBuilder.stop();
    });
    expect(b.report.graphqlRequests).toBe(0);
    expect(b.report.pagesRendered).toBe(a.report.pagesRendered);

    const [left, right] = await Promise.all([siteFiles(fromSnapshot), siteFiles(fromStrapi)]);
    expect([...left.keys()].sort()).toEqual([...right.keys()].sort());
    for (const [name, text] of right)
      expect(withoutIslandPrefixes(left.get(name)), name).toBe(withoutIslandPrefixes(text));
  });
});
