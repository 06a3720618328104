import { createHash } from 'node:crypto';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.js';
import { WarmSiteBuilder, type SiteBuildResult } from '../../scripts/lib/warm-site-builder.js';
import { runImport, type ImportSummary } from '../../scripts/import/run-import.js';
import { listDocuments, strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import { buildWorkerPids } from '../helpers/build-worker-pids.js';
import { fixtureSentences } from '../helpers/fixture-sentences.js';
import { postGraphql } from '../helpers/graphql.js';
import { readBuiltPage, type BuiltPage } from '../helpers/built-page.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { pollUntil } from '../helpers/poll.js';
import { tempDir } from '../helpers/temp-dir.js';
import { ISLAND_SCRIPT_HASHES } from '../../scripts/lib/island-csp-hashes.js';
import { ISLAND_STYLES } from '../../node_modules/astro/dist/runtime/server/astro-island-styles.js';

const ISLAND_STYLE = `<style>${ISLAND_STYLES}</style>`;

/** A script's Content-Security-Policy hash source, as the policy lists it. */
const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const quiet = (): void => undefined;

let strapi: ThrowawayStrapi;
let firstImport: ImportSummary;
let outDir: string;
let build: SiteBuildResult;
let page: BuiltPage;

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  firstImport = await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: quiet });

  // Drafts that must stay out of the public build: a new page never published, and an unpublished
  // edit of the published page.
  const [section] = await listDocuments(
    strapi.write,
    'sections',
    new URLSearchParams({ status: 'draft', 'filters[slug][$eq]': 'what-is-a-community-partnership' }),
  );
  const [published] = await listDocuments(
    strapi.write,
    'pages',
    new URLSearchParams({ status: 'draft', 'filters[slug][$eq]': 'two-zero' }),
  );
  await strapiRequest(strapi.write, 'POST', '/api/pages?status=draft', {
    data: {
      number: '2.9',
      title: 'Secret draft',
      slug: 'secret-draft',
      section: section?.documentId,
      body: [
        {
          __component: 'content.rich-text',
          content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Unpublished words never seen.' }] }],
        },
      ],
    },
  });
  await strapiRequest(strapi.write, 'PUT', `/api/pages/${String(published?.documentId)}?status=draft`, {
    data: { title: 'Draft title never seen' },
  });

  outDir = await tempDir('site');
  build = await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
  page = await readBuiltPage(outDir, 'modules/partnerships/two-zero');
});

afterAll(async () => {
  await strapi.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('importing the fixture', () => {
  it('creates one module, one section and one page', () => {
    expect(firstImport.failed).toEqual([]);
    expect(firstImport.created).toEqual([
      'module partnerships',
      'section partnerships/what-is-a-community-partnership',
      'page partnerships/two-zero',
    ]);
  });

  it('serves the page over GraphQL to the read-only token, published only', async () => {
    const { status, body } = await postGraphql(
      strapi.url,
      '{ pages { slug title number section { number title module { slug title } } body { __typename } } }',
      strapi.read.STRAPI_READ_TOKEN,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        pages: [
          {
            slug: 'two-zero',
            title: 'Overview',
            number: '2.0',
            section: {
              number: 2,
              title: 'What is a Community Partnership?',
              module: { slug: 'partnerships', title: 'Community Partnerships' },
            },
            body: [
              { __typename: 'ComponentContentRichText' },
              { __typename: 'ComponentContentOutcomes' },
              { __typename: 'ComponentContentRichText' },
              { __typename: 'ComponentContentResourceBox' },
              { __typename: 'ComponentContentRichText' },
            ],
          },
        ],
      },
    });
  });
});

describe('the built page /modules/partnerships/two-zero/', () => {
  it('shows every sentence of the fixture, in order', async () => {
    const sentences = await fixtureSentences(fixture);
    expect(sentences.length).toBeGreaterThan(15);
    let from = 0;
    for (const sentence of sentences) {
      const at = page.mainText.indexOf(sentence, from);
      expect(at, `"${sentence}" should appear after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + sentence.length;
    }
  });

  it('has breadcrumbs, the section heading and the page title', () => {
    expect(page.all('nav[aria-label="Breadcrumb"] li').map(page.text)).toEqual([
      'Modules',
      'Community Partnerships',
      '2.0 Overview',
    ]);
    expect(page.text(page.one('article header'))).toBe(
      '2. What is a Community Partnership? 2.0 Overview Section 1 of 1 · Page 1 of 1',
    );
    expect(page.text(page.one('h1'))).toBe('2.0 Overview');
  });

  it('lists the three outcomes after their heading and lead line', () => {
    const outcomes = page.one('section.outcomes');
    const children = outcomes.children.flatMap((child) => (child.type === 'element' ? [child.tagName] : []));
    expect(children).toEqual(['h2', 'p', 'ul']);
    expect(page.text(page.one('section.outcomes h2'))).toBe('Learning Outcomes For This Section');
    expect(page.text(page.one('section.outcomes p strong'))).toBe(
      'After completing Section 2, What is a Community Partnership? you will be able to...',
    );
    expect(page.all('section.outcomes ul > li').map(page.text)).toEqual([
      'Describe the ways that partnerships can benefit libraries',
      'Explain how libraries can benefit their partners',
      'Recognize different levels of partnership',
    ]);
  });

  it('renders one resource box as an aside labelled by its title, with intro and six questions', () => {
    const boxes = page.all('aside');
    expect(boxes).toHaveLength(1);
    const heading = page.one('aside h2');
    expect(page.one('aside').properties.ariaLabelledBy).toEqual([heading.properties.id]);
    expect(page.text(heading)).toBe('IS THIS A GOOD PARTNERSHIP OPPORTUNITY?');
    expect(page.text(page.one('aside p'))).toBe('Answer these questions before launching a joint project.');
    const questions = page.all('aside li').map(page.text);
    expect(questions).toHaveLength(6);
    expect(questions.every((question) => question.endsWith('?'))).toBe(true);
  });

  it('keeps bold text and lists as elements, and runs no script the policy does not name', async () => {
    expect(page.text(page.one('.rich-text p strong'))).toBe('community partnership');
    expect(page.all('.rich-text ul li')).toHaveLength(3);
    // Structured data (JSON-LD), which browsers never run, and Astro's island code for the
    // progress islands, each allowed by its hash in the static server's Content-Security-Policy.
    const scripts = page.all('script');
    const types = scripts.map((script) => script.properties.type);
    expect(types.filter((type) => type !== undefined)).toEqual(['application/ld+json']);
    const inline = scripts.filter((script) => script.properties.type === undefined);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) {
      expect(script.properties.src).toBeUndefined();
      const raw = script.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      expect(ISLAND_SCRIPT_HASHES).toContain(cspHash(raw));
    }
    expect(page.html).not.toMatch(/ style="/);
    // The site home holds no island, so it loads no JavaScript at all.
    const home = await readBuiltPage(outDir, '');
    expect(home.all('script')).toEqual([]);
    // What JavaScript there is lives under /_astro/ (hashed names, cached for good) and in the
    // modules' search bundles.
    const files = await readdir(outDir, { recursive: true });
    const stray = files.filter(
      (file) => /\.m?js$/.test(file) && !file.startsWith('_astro/') && !/^modules\/[^/]+\/_search\//.test(file),
    );
    expect(stray).toEqual([]);
  });
});

describe('the rest of the built site', () => {
  it('lists the module on the home page and its section, outcomes and page on the module page', async () => {
    const home = await readBuiltPage(outDir, '');
    expect(home.all('main h2 a').map(home.text)).toEqual(['Community Partnerships']);
    const modulePage = await readBuiltPage(outDir, 'modules/partnerships');
    expect(modulePage.text(modulePage.one('main section.module-section h2'))).toBe(
      '2. What is a Community Partnership?',
    );
    expect(modulePage.all('main section.module-section ul li')).toHaveLength(3);
    expect(modulePage.all('main section.module-section ol li a').map(modulePage.text)).toEqual(['2.0 Overview']);
    expect(existsSync(path.join(outDir, '404.html'))).toBe(true);
  });

  it('leaves drafts out: no draft page, no draft edit of a published page', async () => {
    expect(existsSync(path.join(outDir, 'modules/partnerships/secret-draft'))).toBe(false);
    const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    for (const file of files) {
      const html = await readFile(path.join(outDir, file), 'utf8');
      expect(html, file).not.toContain('Unpublished words never seen');
      expect(html, file).not.toContain('Secret draft');
      expect(html, file).not.toContain('Draft title never seen');
    }
  });

  it('is valid HTML on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      // Astro writes the islands' one style rule where the page's first island is (inside a resource
      // box, say), which the validator flags as a <style> outside <head>. Browsers apply it anywhere;
      // it is Astro's fixed text, allowed by its hash (scripts/lib/island-csp-hashes.ts).
      const html = (await readFile(path.join(outDir, file), 'utf8')).replace(ISLAND_STYLE, '');
      const report = await validator.validateString(html, file);
      const messages = report.results.flatMap((result) =>
        result.messages.map((message) => `${message.ruleId}: ${message.message}`),
      );
      expect(messages, file).toEqual([]);
    }
  });

  it('reads the content 100 entries per request: with nothing cached, the entries in full straight away', () => {
    // Per collection: one request for its entries in full; and for sections and pages, one for
    // their parents' stamps, so the next build notices relations edited from the parent's side.
    expect(build.report.graphqlRequests).toBe(5);
    // Home, search, 404, the module home, its print page and its one page.
    expect(build.report.pagesRendered).toBe(6);
  });

  it('refetches only what changed since the last build', async () => {
    const again = await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
    expect(again.report.graphqlRequests).toBe(5);
    const [published] = await listDocuments(
      strapi.write,
      'pages',
      new URLSearchParams({ status: 'published', 'filters[slug][$eq]': 'two-zero' }),
    );
    await strapiRequest(strapi.write, 'PUT', `/api/pages/${String(published?.documentId)}?status=published`, {
      data: { title: 'Overview, revised' },
    });
    const changed = await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
    expect(changed.report.graphqlRequests).toBe(6);
    const revised = await readBuiltPage(outDir, 'modules/partnerships/two-zero');
    expect(revised.text(revised.one('h1'))).toBe('2.0 Overview, revised');
    // The other entries came from the cache and still render.
    expect(revised.all('aside li')).toHaveLength(6);
  });
});

describe('the warm build worker (used by the rebuild service)', () => {
  it('builds the same site, survives a cancelled build and builds again', async () => {
    const builder = new WarmSiteBuilder({ PATH: process.env.PATH, ...strapi.read });
    const dir = await tempDir('warm');
    try {
      const first = await builder.build({ outDir: dir });
      expect(first.report.pagesRendered).toBe(build.report.pagesRendered);
      const controller = new AbortController();
      setTimeout(() => {
        controller.abort();
      }, 300);
      await expect(builder.build({ outDir: dir, signal: controller.signal })).rejects.toThrow(/cancelled/);
      const again = await builder.build({ outDir: dir });
      expect(again.report.pagesRendered).toBe(build.report.pagesRendered);
      const warmPage = await readBuiltPage(dir, 'modules/partnerships/two-zero');
      expect(warmPage.all('aside li')).toHaveLength(6);
    } finally {
      builder.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('replaces its worker between builds, and the next build runs on the new one', async () => {
    const builder = new WarmSiteBuilder({ PATH: process.env.PATH, ...strapi.read }, undefined, { buildsPerWorker: 1 });
    const dir = await tempDir('replaced');
    const workers: number[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const result = await builder.build({ outDir: dir });
        expect(result.report.pagesRendered).toBe(build.report.pagesRendered);
        // One build per worker: the builder kills the worker that built and starts a new one,
        // which is then the only worker there is, so the next build can run on nothing else.
        const [worker] = await pollUntil('a new build worker to replace the one that built', async () => {
          const pids = await buildWorkerPids();
          return pids.length === 1 && !workers.some((pid) => pids.includes(pid)) ? pids : undefined;
        });
        if (worker !== undefined) workers.push(worker);
      }
      expect(new Set(workers).size).toBe(3);
    } finally {
      builder.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('access control', () => {
  it.each(['modules', 'sections', 'pages'])('refuses REST reads of %s without a token', async (collection) => {
    const response = await fetch(`${strapi.url}/api/${collection}`);
    expect([401, 403]).toContain(response.status);
  });

  it('refuses GraphQL reads without a token', async () => {
    const { status, body } = await postGraphql(strapi.url, '{ pages { slug } }');
    expect([401, 403]).toContain(status);
    expect(JSON.stringify(body)).not.toContain('two-zero');
  });

  it('lets the read-only token read but not write', async () => {
    const headers = { Authorization: `Bearer ${strapi.read.STRAPI_READ_TOKEN}`, 'Content-Type': 'application/json' };
    expect((await fetch(`${strapi.url}/api/pages`, { headers })).status).toBe(200);
    const write = await fetch(`${strapi.url}/api/modules`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ data: { title: 'Nope', slug: 'nope' } }),
    });
    expect([401, 403]).toContain(write.status);
  });
});
