import path from 'node:path';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.js';
import { runImport } from '../../scripts/import/run-import.js';
import { listDocuments, strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { readBuiltPage, type BuiltPage } from '../helpers/built-page.js';
import { tempDir } from '../helpers/temp-dir.js';

// The demo module: section 2 (pages 2.0, 2.1) and section 3 (pages 3.0, 3.1).
const demo = path.resolve('scripts/start/demo');
const site = 'https://learn.example.org';
const quiet = (): void => undefined;

let strapi: ThrowawayStrapi;
let outDir: string;
let pageIds: Map<string, string>;

const read = (urlPath: string): Promise<BuiltPage> => readBuiltPage(outDir, urlPath);
const attr = (page: BuiltPage, selector: string, name: string): unknown => page.one(selector).properties[name];
const jsonLdOf = (page: BuiltPage): unknown =>
  JSON.parse(page.text(page.one('script[type="application/ld+json"]')));

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const summary = await runImport({ paths: [demo], publish: true, dryRun: false, env: strapi.write, log: quiet });
  expect(summary.failed).toEqual([]);
  const pages = await listDocuments(strapi.write, 'pages', new URLSearchParams({ status: 'published' }));
  pageIds = new Map(pages.map((page) => [String(page.slug), String(page.documentId)]));
  outDir = await tempDir('site-navigation');
  await buildSite({ outDir, env: { PATH: process.env.PATH, SITE_URL: site, ...strapi.read } });
});

afterAll(async () => {
  await strapi.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('a page of a module', () => {
  it('has a sidebar of the whole module, marking the page being read', async () => {
    const page = await read('modules/partnerships/two-one');
    expect(attr(page, 'nav[aria-label="Module contents"]', 'dataModuleId')).toMatch(/\w+/);
    expect(page.one('nav[aria-label="Module contents"] > .sidebar-progress').children).toEqual([]);
    expect(page.all('nav[aria-label="Module contents"] details[open] > summary').map(page.text)).toEqual([
      '2. What is a Community Partnership?',
      '3. Building a Partnership',
    ]);
    const links = page.all('nav[aria-label="Module contents"] a[data-page-id]');
    expect(links.map(page.text)).toEqual([
      '2.0 Overview',
      '2.1 Levels of Partnership',
      '3.0 Overview',
      '3.1 The First Meeting',
    ]);
    expect(links.map((link) => link.properties.dataPageId)).toEqual(
      ['two-zero', 'two-one', 'three-zero', 'three-one'].map((slug) => pageIds.get(slug)),
    );
    expect(page.all('[aria-current="page"]').map(page.text)).toEqual([
      '2.1 Levels of Partnership',
      '2.1 Levels of Partnership',
    ]);
    // Without JavaScript, narrow screens fold the sidebar into a menu.
    expect(page.text(page.one('details.module-menu > summary'))).toBe('Module contents');
  });

  it('says where the learner is, and the pager crosses into the next section', async () => {
    const page = await read('modules/partnerships/two-one');
    expect(page.text(page.one('article header .page-position'))).toBe('Section 1 of 2 · Page 2 of 2');
    expect(page.text(page.one('a[rel="next"]'))).toBe('Next 3.0 Overview →');
    expect(attr(page, 'a[rel="next"]', 'href')).toBe('/modules/partnerships/three-zero/');
    const last = await read('modules/partnerships/three-one');
    expect(last.text(last.one('article header .page-position'))).toBe('Section 2 of 2 · Page 2 of 2');
    expect(last.all('a[rel="next"]')).toEqual([]);
  });

  it('describes itself for search engines and link previews', async () => {
    const page = await read('modules/partnerships/two-one');
    const url = `${site}/modules/partnerships/two-one/`;
    expect(attr(page, 'link[rel="canonical"]', 'href')).toBe(url);
    expect(attr(page, 'meta[property="og:url"]', 'content')).toBe(url);
    expect(attr(page, 'meta[property="og:type"]', 'content')).toBe('article');
    expect(attr(page, 'meta[property="og:title"]', 'content')).toBe('2.1 Levels of Partnership · Community Partnerships');
    // No SEO fields, section intro or module summary in the demo: the first paragraph.
    expect(attr(page, 'meta[name="description"]', 'content')).toMatch(/^Not every partnership looks the same\./);
    expect(jsonLdOf(page)).toMatchObject({
      '@type': 'LearningResource',
      name: '2.1 Levels of Partnership',
      url,
      isPartOf: { '@type': 'Course', name: 'Community Partnerships', url: `${site}/modules/partnerships/` },
      teaches: [
        'Describe the ways that partnerships can benefit libraries',
        'Explain how libraries can benefit their partners',
        'Recognize different levels of partnership',
      ],
    });
  });
});

describe('the module home', () => {
  it('is a contents page: what you will learn, each section with its pages, Start and Print', async () => {
    const home = await read('modules/partnerships');
    expect(home.all('main h2').map(home.text)).toEqual([
      'What you will learn',
      '2. What is a Community Partnership?',
      '3. Building a Partnership',
    ]);
    expect(home.all('main .learn li')).toHaveLength(6);
    expect(home.all('main .module-section ol a').map(home.text)).toEqual([
      '2.0 Overview',
      '2.1 Levels of Partnership',
      '3.0 Overview',
      '3.1 The First Meeting',
    ]);
    const start = home.one('a.start-link');
    expect(home.text(start)).toBe('Start the module');
    expect(start.properties.href).toBe('/modules/partnerships/two-zero/');
    expect(start.properties.dataFirstPageId).toBe(pageIds.get('two-zero'));
    expect(attr(home, 'a.print-link', 'href')).toBe('/modules/partnerships/print/');
    expect(home.all('[aria-current="page"]').map(home.text)).toContain('Community Partnerships');
  });

  it('describes the module as a Course with its pages and outcomes', async () => {
    const home = await read('modules/partnerships');
    const course = jsonLdOf(home);
    expect(course).toMatchObject({ '@type': 'Course', name: 'Community Partnerships', url: `${site}/modules/partnerships/` });
    expect(course).toHaveProperty('hasPart.length', 4);
    expect(course).toHaveProperty('teaches.length', 6);
    expect(course).toHaveProperty('provider.name', 'Library Learning Modules');
  });
});

describe('the print page', () => {
  it('holds every section and page in order, with its own canonical URL', async () => {
    const print = await read('modules/partnerships/print');
    expect(attr(print, 'link[rel="canonical"]', 'href')).toBe(`${site}/modules/partnerships/print/`);
    expect(print.all('main .print-section > h2, main .print-page > h2').map(print.text)).toEqual([
      '2. What is a Community Partnership?',
      '2.0 Overview',
      '2.1 Levels of Partnership',
      '3. Building a Partnership',
      '3.0 Overview',
      '3.1 The First Meeting',
    ]);
    expect(print.mainText).toContain('A first meeting is a conversation, not a pitch.');
    expect(print.all('main aside.resource-box').length).toBeGreaterThanOrEqual(3);
  });
});

describe('every built page', () => {
  it('has one main, one h1, a labelled search form, distinct nav labels and a description', async () => {
    // Pages are folders' index.html (and 404.html); other .html files are the redirect pages of
    // the pages' old addresses (tests/integration/old-urls.test.ts).
    const files = (await readdir(outDir, { recursive: true })).filter(
      (file) => path.basename(file) === 'index.html' || file === '404.html',
    );
    // 4 pages, the module home and print page, the home, search and 404 pages.
    expect(files).toHaveLength(4 + 2 + 3);
    for (const file of files) {
      const page = await read(file);
      expect(page.all('main'), file).toHaveLength(1);
      expect(page.all('h1'), file).toHaveLength(1);
      const form = page.one('header form[role="search"]');
      expect([form.properties.action, form.properties.method], file).toEqual(['/search/', 'get']);
      const input = page.one('header input[type="search"][name="q"]');
      expect(page.all(`label[for="${String(input.properties.id)}"]`), file).toHaveLength(1);
      const labels = page.all('nav').map((nav) => nav.properties.ariaLabel);
      expect(new Set(labels).size, file).toBe(labels.length);
      expect(attr(page, 'meta[name="description"]', 'content'), file).toMatch(/\w/);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) {
        expect(attr(page, `meta[property="${property}"]`, 'content'), `${file} ${property}`).toMatch(/\w/);
      }
      expect(attr(page, 'a.skip-link', 'href'), file).toBe('#main');
    }
  });

  it('has a 404 page offering search and the modules', async () => {
    const notFound = await read('404.html');
    expect(notFound.all('form[role="search"]')).toHaveLength(2);
    expect(notFound.all('main li a').map(notFound.text)).toEqual(['Community Partnerships']);
  });
});

describe('files for crawlers and browsers', () => {
  it('lists the home, the module and its pages in sitemap.xml, which robots.txt names', async () => {
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => url);
    expect(urls).toEqual([
      `${site}/`,
      `${site}/modules/partnerships/`,
      ...['two-zero', 'two-one', 'three-zero', 'three-one'].map((slug) => `${site}/modules/partnerships/${slug}/`),
    ]);
    const robots = await readFile(path.join(outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${site}/sitemap.xml`);
    expect(existsSync(path.join(outDir, 'favicon.svg'))).toBe(true);
  });
});

describe('the CMS', () => {
  it('refuses the page slug "print", which the print page uses', async () => {
    const [section] = await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' }));
    await expect(
      strapiRequest(strapi.write, 'POST', '/api/pages?status=draft', {
        data: { number: '2.5', title: 'Printing posters', slug: 'print', section: section?.documentId, body: [] },
      }),
    ).rejects.toThrow(/The page slug "print" is reserved/);
  });
});
