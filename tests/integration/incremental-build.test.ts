import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RENDER_MANIFEST_FILE, pageUrl, renderManifestSchema, type BuildReport } from '@lm/shared';
import { WarmSiteBuilder, type SiteBuildResult } from '../../scripts/lib/warm-site-builder.js';
import { generateContent, type GeneratedContent } from '../../scripts/lib/generate-content.js';
import { isPrecompressedSibling } from '../../scripts/lib/precompress-release.js';
import { createDocument, listDocuments, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { readBuiltPage } from '../helpers/built-page.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The warm worker's incremental builds against a real Strapi and real `astro build`s: a build that
 * copies unchanged modules from the live release must come out exactly as a build that renders
 * everything.
 */

let strapi: ThrowawayStrapi;
let content: GeneratedContent;
let builder: WarmSiteBuilder;
const dirs: string[] = [];

/** Builds into a new folder, reusing from `reuseFrom` (the live release) when given. */
async function buildInto(reuseFrom: string | null, using = builder): Promise<{ dir: string; result: BuildReport }> {
  const dir = await tempDir('incremental');
  dirs.push(dir);
  const { report }: SiteBuildResult = await using.build({ outDir: dir, reuseFrom });
  await expectReportMatchesFiles(dir, report);
  return { dir, result: report };
}

/**
 * Every file of a built site and its contents, the render manifest aside (it differs by design),
 * and the precompressed siblings, which are their files compressed (and so differ where the
 * islands' prefixes do, see below).
 */
async function siteFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name === RENDER_MANIFEST_FILE || isPrecompressedSibling(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full, 'utf8'));
  }
  return files;
}

/**
 * An island's `prefix` (React's useId prefix, "r6") counts the React components Astro has started
 * rendering on the page, and Astro starts sibling components concurrently, so the number depends
 * on timing, not on content. It only has to match between the island's markup and its hydration,
 * which reads it from this same attribute; everything else must be identical.
 */
const withoutIslandPrefixes = (html: string | undefined): string | undefined =>
  html?.replace(/(<astro-island [^>]*?)prefix="r\d+"/g, '$1prefix="r"');

async function expectSameSite(actual: string, expected: string): Promise<void> {
  const [left, right] = await Promise.all([siteFiles(actual), siteFiles(expected)]);
  expect([...left.keys()].sort()).toEqual([...right.keys()].sort());
  for (const [file, text] of right)
    expect(withoutIslandPrefixes(left.get(file)), file).toBe(withoutIslandPrefixes(text));
}

/** HTML files under `dir`, relative to it. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * The report's numbers are the files written: every HTML file was rendered or copied, the copied
 * ones are the reused modules' folders, and the manifest names the same modules.
 */
async function expectReportMatchesFiles(dir: string, report: BuildReport): Promise<void> {
  const html = await htmlFiles(dir);
  expect(report.pagesRendered + report.pagesCopied).toBe(html.length);
  const inReused = html.filter((file) =>
    report.modulesReused.some((slug) => file.startsWith(`modules${path.sep}${slug}${path.sep}`)),
  );
  expect(inReused).toHaveLength(report.pagesCopied);
  const manifest = await manifestOf(dir);
  expect([...manifest.reused].sort()).toEqual([...report.modulesReused].sort());
  expect(Object.keys(manifest.modules).sort()).toEqual([...report.modulesRendered, ...report.modulesReused].sort());
}

const manifestOf = async (dir: string) =>
  renderManifestSchema.parse(JSON.parse(await readFile(path.join(dir, RENDER_MANIFEST_FILE), 'utf8')));

/** A published section of the module with this slug, as Strapi has it now. */
async function sectionIn(moduleSlug: string | undefined): Promise<{ documentId: string }> {
  const sections = z
    .array(z.object({ documentId: z.string(), module: z.object({ slug: z.string() }) }))
    .parse(
      await listDocuments(
        strapi.write,
        'sections',
        new URLSearchParams({ status: 'published', 'populate[module][fields][0]': 'slug' }),
      ),
    );
  const section = sections.find((candidate) => candidate.module.slug === moduleSlug);
  if (!section) throw new Error(`No section in ${String(moduleSlug)}`);
  return section;
}

function generatedPage(index: number): GeneratedContent['pages'][number] {
  const page = content.pages[index];
  if (!page) throw new Error(`No generated page ${String(index)}`);
  return page;
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  // 3 modules × 2 sections × 2 pages: 12 pages, 3 module homes, 3 print pages, the home, search and 404 pages.
  content = await generateContent({ env: strapi.write, modules: 3, sectionsPerModule: 2, pagesPerSection: 2 });
  builder = new WarmSiteBuilder({ PATH: process.env.PATH, ...strapi.read });
});

afterAll(async () => {
  builder.stop();
  await strapi.stop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('incremental builds', () => {
  let live: string;

  it('render everything when there is no live release, and record what each module was rendered from', async () => {
    const { dir, result } = await buildInto(null);
    expect(result.pagesRendered).toBe(21);
    expect(result.pagesCopied).toBe(0);
    expect(result.modulesReused).toEqual([]);
    expect([...result.modulesRendered].sort()).toEqual(content.moduleSlugs);
    expect(result.graphqlRequests).toBeGreaterThan(0);
    const manifest = await manifestOf(dir);
    expect(Object.keys(manifest.modules).sort()).toEqual(content.moduleSlugs);
    expect(manifest.reused).toEqual([]);
    live = dir;
  });

  it('copy every module from the live release when nothing changed, and the site is the same', async () => {
    const { dir, result } = await buildInto(live);
    expect([...result.modulesReused].sort()).toEqual(content.moduleSlugs);
    expect(result.pagesCopied).toBe(18);
    // Only the home, search and 404 pages were rendered.
    expect(result.pagesRendered).toBe(3);
    expect(result.modulesRendered).toEqual([]);
    await expectSameSite(dir, live);
    live = dir;
  });

  it('render only the module of a published change, and come out as a full build would', async () => {
    const changed = generatedPage(5);
    await updateDocument(strapi.write, 'pages', changed.documentId, { title: 'Renamed in the CMS' }, 'published');
    const { dir, result } = await buildInto(live);
    expect(result.modulesRendered).toEqual([changed.moduleSlug]);
    expect(result.modulesReused).toHaveLength(2);
    expect(result.pagesCopied).toBe(12);
    expect(result.pagesRendered).toBe(3 + 6);
    const page = await readBuiltPage(dir, pageUrl(changed.moduleSlug, changed.slug));
    expect(page.text(page.one('h1'))).toContain('Renamed in the CMS');
    // The neighbours' pager and the module home show the new title too.
    const modulePage = await readBuiltPage(dir, `modules/${changed.moduleSlug}`);
    expect(modulePage.mainText).toContain('Renamed in the CMS');

    const full = await buildInto(null);
    await expectSameSite(dir, full.dir);
    live = dir;
  });

  it('notice a page moved to another module from the section side (its own dates do not change)', async () => {
    const [from, to] = [content.moduleSlugs[0], content.moduleSlugs[2]];
    // A page of its own slug: every generated module has the same page slugs.
    const moving = await createDocument(
      strapi.write,
      'pages',
      {
        section: (await sectionIn(from)).documentId,
        number: '1.9',
        title: 'Moving page',
        slug: 'moving-page',
        body: [],
      },
      'published',
    );
    live = (await buildInto(live)).dir;
    expect(existsSync(path.join(live, pageUrl(String(from), 'moving-page'), 'index.html'))).toBe(true);

    await updateDocument(
      strapi.write,
      'sections',
      (await sectionIn(to)).documentId,
      { pages: { connect: [moving] } },
      'published',
    );
    const { dir, result } = await buildInto(live);
    expect(existsSync(path.join(dir, pageUrl(String(from), 'moving-page'), 'index.html'))).toBe(false);
    expect(existsSync(path.join(dir, pageUrl(String(to), 'moving-page'), 'index.html'))).toBe(true);
    // Both modules changed; only the one in between is copied.
    expect(result.modulesReused).toEqual([content.moduleSlugs[1]]);
    const full = await buildInto(null);
    await expectSameSite(dir, full.dir);
    live = dir;
  });

  it('render everything when the settings that reach the HTML differ from the live release', async () => {
    const other = new WarmSiteBuilder({
      PATH: process.env.PATH,
      ...strapi.read,
      SITE_URL: 'https://learn.example.org',
    });
    try {
      const { dir, result } = await buildInto(live, other);
      expect(result.modulesReused).toEqual([]);
      expect(result.pagesCopied).toBe(0);
      const home = await readBuiltPage(dir, '');
      expect(home.html).toContain('href="https://learn.example.org/"');
    } finally {
      other.stop();
    }
  });

  it('fail, naming the URL, when a move from the section side gives two pages one URL', async () => {
    const target = await sectionIn(content.moduleSlugs[1]);
    // Every generated module has a page-1-1: moving the first module's into the second collides.
    const page = content.pages.find(
      (candidate) => candidate.moduleSlug === content.moduleSlugs[0] && candidate.slug === 'page-1-1',
    );
    if (!page) throw new Error('No page-1-1 in the first module');
    // The CMS refuses the move now (course checks); the build must still catch such content when it
    // was saved before that rule, so the move is made in the database, under Strapi.
    await expect(
      updateDocument(
        strapi.write,
        'sections',
        target.documentId,
        { pages: { connect: [page.documentId] } },
        'published',
      ),
    ).rejects.toThrow('Page slugs are unique in a module');
    const database = new Database(strapi.env.DATABASE_FILENAME);
    try {
      const publishedId = (table: string, documentId: string): number =>
        z
          .object({ id: z.number() })
          .parse(
            database
              .prepare(`SELECT id FROM ${table} WHERE document_id = ? AND published_at IS NOT NULL`)
              .get(documentId),
          ).id;
      database
        .prepare('UPDATE pages_section_lnk SET section_id = ? WHERE page_id = ?')
        .run(publishedId('sections', target.documentId), publishedId('pages', page.documentId));
      // As an editor's save would, so the build reads the page again rather than from its cache.
      database.prepare('UPDATE pages SET updated_at = updated_at + 1000 WHERE document_id = ?').run(page.documentId);
    } finally {
      database.close();
    }
    await expect(buildInto(live)).rejects.toThrow(
      `Two published pages have the URL ${pageUrl(String(content.moduleSlugs[1]), 'page-1-1')}`,
    );
  });
});
