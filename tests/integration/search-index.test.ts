import { existsSync } from 'node:fs';
import { readFile, rm, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runImport } from '../../scripts/import/run-import.js';
import { buildSite } from '../../scripts/lib/build-site.js';
import { createDocument, listDocuments, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { WarmSiteBuilder } from '../../scripts/lib/warm-site-builder.js';
import { openSearchBrowser, searchView } from '../helpers/search-browser.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Site search against a real Strapi, real builds and real Chromium: each module's pages are
 * indexed into its own folder, the search page merges the modules' indexes, drafts are never
 * found, and a module an incremental build copies from the live release is still found.
 */

const demoDir = fileURLToPath(new URL('../../scripts/start/demo', import.meta.url));
const quiet = (): void => undefined;

let strapi: ThrowawayStrapi;
let releasesDir: string;
let server: RunningSiteServer;
let browser: Browser;
let page: Page;
let errors: string[];
let outreachPage = '';

const body = (text: string) => [
  { __component: 'content.rich-text', content: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
];

/** A second module, so results span two indexes: one page with a word no other page has. */
async function createOutreachModule(): Promise<void> {
  const moduleId = await createDocument(
    strapi.write,
    'modules',
    { title: 'Library Outreach', slug: 'outreach', summary: 'Taking the library out.', order: 2 },
    'published',
  );
  const section = { module: moduleId, number: 1, title: 'Going out', slug: 'going-out', outcomes: [] };
  const sectionId = await createDocument(strapi.write, 'sections', section, 'published');
  const pages = [
    {
      number: '1.0',
      title: 'Pop-up libraries',
      slug: 'one-zero',
      text: 'A heliotrope pop-up library meets a partnership.',
    },
    { number: '1.1', title: 'Book bikes', slug: 'one-one', text: 'A book bike visits every partnership event.' },
  ];
  for (const { text, ...fields } of pages) {
    const id = await createDocument(
      strapi.write,
      'pages',
      { ...fields, section: sectionId, body: body(text) },
      'published',
    );
    if (fields.slug === 'one-one') outreachPage = id;
  }
}

/** A draft page in the demo's section 2, with a word of its own: never to be found. */
async function createDraftPage(): Promise<void> {
  const sections = z
    .array(z.object({ documentId: z.string(), number: z.number() }))
    .parse(await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' })));
  const section = sections.find((candidate) => candidate.number === 2);
  const data = {
    number: '2.9',
    title: 'Unfinished',
    slug: 'unfinished',
    section: section?.documentId,
    body: body('A quillwort draft.'),
  };
  await createDocument(strapi.write, 'pages', data, 'draft');
}

/** Makes `release` (a folder in releasesDir) the live one, as the rebuild service swaps it. */
async function goLive(release: string): Promise<void> {
  const live = path.join(releasesDir, 'live');
  if (existsSync(live)) await unlink(live);
  await symlink(release, live);
}

/** Opens the search page for `term` (as the header form sends it) and waits for `status`. */
async function search(term: string, status: string) {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(term)}`);
  return searchView(page, status);
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  await runImport({ paths: [demoDir], publish: true, dryRun: false, env: strapi.write, log: quiet });
  await createOutreachModule();
  await createDraftPage();
  releasesDir = await tempDir('search-releases');
  server = await startSiteServer({ releasesDir, host: '127.0.0.1', port: 0 });
  ({ page, browser, errors } = await openSearchBrowser());
});

afterAll(async () => {
  await browser.close();
  await server.stop();
  await strapi.stop();
  await rm(releasesDir, { recursive: true, force: true });
});

describe('site search', () => {
  it('indexes every module into its own folder when the whole site is built', async () => {
    const { report } = await buildSite({
      outDir: path.join(releasesDir, 'first'),
      env: { PATH: process.env.PATH, ...strapi.read },
    });
    expect(report.pagesIndexed).toBe(6);
    const expected: Array<[string, number]> = [
      ['partnerships', 4],
      ['outreach', 2],
    ];
    for (const [slug, pages] of expected) {
      const bundle = path.join(releasesDir, 'first', 'modules', slug, '_search');
      expect(existsSync(path.join(bundle, 'pagefind.js')), slug).toBe(true);
      const entry = z
        .object({ languages: z.record(z.object({ page_count: z.number() })) })
        .parse(JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')));
      expect(
        Object.values(entry.languages).map(({ page_count }) => page_count),
        slug,
      ).toEqual([pages]);
    }
    await goLive('first');
  });

  it('finds a word on one page only, across the merged modules, and links to that page', async () => {
    const { results } = await search('heliotrope', '1 result for “heliotrope”');
    expect(results).toEqual([
      expect.objectContaining({
        title: '1.0 Pop-up libraries',
        href: '/modules/outreach/one-zero/',
        trail: 'Library Outreach › 1. Going out ›',
      }),
    ]);
    expect(results[0]?.excerpt).toContain('heliotrope');
    expect(errors).toEqual([]);
  });

  it('without JavaScript, says search needs it and links to the modules, with no search box', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noScript = await context.newPage();
      await noScript.goto(`${server.url}/search/?q=heliotrope`);
      await expect(noScript.locator('main').textContent()).resolves.toContain('Search needs JavaScript');
      expect(await noScript.getByRole('link', { name: 'list of modules' }).getAttribute('href')).toBe('/');
      expect(await noScript.locator('main input, main button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('never finds a draft', async () => {
    const { results } = await search('quillwort', '0 results for “quillwort”');
    expect(results).toEqual([]);
  });

  it('narrows the results to the modules checked', async () => {
    const all = await search('partnership', '6 results for “partnership”');
    expect(new Set(all.results.map(({ trail }) => trail.split(' › ')[0]))).toEqual(
      new Set(['Community Partnerships', 'Library Outreach']),
    );
    await page.getByRole('group', { name: 'Module' }).getByLabel('Library Outreach').check();
    const narrowed = await searchView(page, '2 results for “partnership” in the selected filters');
    expect(narrowed.results.map(({ href }) => href).sort()).toEqual([
      '/modules/outreach/one-one/',
      '/modules/outreach/one-zero/',
    ]);
  });

  it('narrows the results to the sections checked, each named with its module', async () => {
    await page.getByRole('group', { name: 'Module' }).getByLabel('Library Outreach').uncheck();
    await search('partnership', '6 results for “partnership”');
    const sections = page.getByRole('group', { name: 'Section' });
    await sections.getByLabel('Library Outreach › 1. Going out').check();
    const narrowed = await searchView(page, '2 results for “partnership” in the selected filters');
    expect(narrowed.results.map(({ href }) => href).sort()).toEqual([
      '/modules/outreach/one-one/',
      '/modules/outreach/one-zero/',
    ]);
  });

  it('still finds a module that a rebuild copied from the live release, and re-indexes the changed one', async () => {
    await updateDocument(strapi.write, 'pages', outreachPage, { body: body('A kingfisher book bike.') }, 'published');
    const builder = new WarmSiteBuilder({ PATH: process.env.PATH, ...strapi.read });
    try {
      const { report } = await builder.build({
        outDir: path.join(releasesDir, 'second'),
        reuseFrom: path.join(releasesDir, 'first'),
      });
      expect(report.modulesReused).toEqual(['partnerships']);
      expect(report.modulesRendered).toEqual(['outreach']);
      expect(report.pagesIndexed).toBe(2);
    } finally {
      builder.stop();
    }
    await goLive('second');
    const copied = await search('pitch', '1 result for “pitch”');
    expect(copied.results.map(({ href }) => href)).toEqual(['/modules/partnerships/three-one/']);
    const changed = await search('kingfisher', '1 result for “kingfisher”');
    expect(changed.results.map(({ href }) => href)).toEqual(['/modules/outreach/one-one/']);
    await search('heliotrope', '1 result for “heliotrope”');
    expect(errors).toEqual([]);
  });
});
