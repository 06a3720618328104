import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { listDocuments } from '../../scripts/lib/strapi-rest-client.js';
import type { ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

const documentSchema = z.object({ documentId: z.string(), slug: z.string(), title: z.string() });
const pageSchema = documentSchema.extend({ number: z.string() });

/** The demo module's ids, read from Strapi, to find the marks the islands make. */
export interface DemoIds {
  moduleId: string;
  moduleSlug: string;
  /** In reading order. */
  pages: Array<{ id: string; slug: string; label: string }>;
}

/** The published demo module and its pages. */
export async function demoIds(strapi: ThrowawayStrapi): Promise<DemoIds> {
  const published = new URLSearchParams({ status: 'published' });
  const [module] = z.array(documentSchema).parse(await listDocuments(strapi.write, 'modules', published));
  if (!module) throw new Error('[test] The demo module was not imported.');
  const pages = z
    .array(pageSchema)
    .parse(await listDocuments(strapi.write, 'pages', published))
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
    .map((page) => ({ id: page.documentId, slug: page.slug, label: `${page.number} ${page.title}` }));
  return { moduleId: module.documentId, moduleSlug: module.slug, pages };
}

/**
 * The module sidebar and the module home's "Start" link come from another part of the site, built
 * to a fixed contract (`nav[data-module-id]` with `.sidebar-progress` and `a[data-page-id]`;
 * `a.start-link[data-first-page-id]`). Where a build does not have them yet, this writes markup
 * of that contract into the built pages, so the islands' effect on them can be seen; a build that
 * has them is left as it is.
 */
export async function ensureSidebarContract(outDir: string, ids: DemoIds): Promise<void> {
  const links = ids.pages
    .map((page) => `<li><a data-page-id="${page.id}" href="/modules/${ids.moduleSlug}/${page.slug}/">${page.label}</a></li>`)
    .join('');
  const sidebar = `<nav data-module-id="${ids.moduleId}" aria-label="Module pages"><div class="sidebar-progress"></div><ul>${links}</ul></nav>`;
  const first = ids.pages[0];
  const start = `<p><a class="start-link" data-first-page-id="${first?.id ?? ''}" href="/modules/${ids.moduleSlug}/${first?.slug ?? ''}/">Start the module</a></p>`;
  const files = [
    { file: path.join(outDir, 'modules', ids.moduleSlug, 'index.html'), has: 'start-link', insert: start },
    ...ids.pages.map((page) => ({
      file: path.join(outDir, 'modules', ids.moduleSlug, page.slug, 'index.html'),
      has: 'sidebar-progress',
      insert: sidebar,
    })),
  ];
  for (const { file, has, insert } of files) {
    const html = await readFile(file, 'utf8');
    if (!html.includes(has)) await writeFile(file, html.replace('<main id="main">', `<main id="main">${insert}`));
  }
}

/** The JavaScript files a page loads once its islands have hydrated, and their size gzipped. */
export async function javaScriptLoaded(page: Page, url: string): Promise<{ files: number; gzipBytes: number }> {
  const bodies: Array<Promise<Buffer>> = [];
  const onResponse = (response: { url: () => string; body: () => Promise<Buffer> }): void => {
    if (new URL(response.url()).pathname.endsWith('.js')) bodies.push(response.body());
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  // Islands hydrate when the browser is idle; once none is left waiting, every file has loaded.
  await page.waitForFunction("document.querySelectorAll('astro-island[ssr]').length === 0");
  page.off('response', onResponse);
  const files = await Promise.all(bodies);
  return { files: files.length, gzipBytes: files.reduce((sum, body) => sum + gzipSync(body).length, 0) };
}
