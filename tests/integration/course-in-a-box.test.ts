import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fidelityReport } from '../../scripts/import/fidelity-report.js';
import { runImport, type ImportSummary } from '../../scripts/import/run-import.js';
import { countDocuments, listDocuments } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

const SITE = path.resolve('tests/fixtures/course-in-a-box');
const quiet = (): void => undefined;

let strapi: ThrowawayStrapi;
let dryRun: ImportSummary;
let published: ImportSummary;
let again: ImportSummary;
let importSeconds: number;
let modulesAfterDryRun: number;

const sectionSchema = z.object({
  number: z.number(),
  title: z.string(),
  outcomes: z.array(z.object({ text: z.string() })),
  module: z.object({ slug: z.string(), title: z.string() }),
});
const pageSchema = z.object({
  number: z.string(),
  slug: z.string(),
  section: z.object({ number: z.number() }),
  legacyPaths: z.array(z.object({ path: z.string() })),
  body: z.array(z.object({ __component: z.string() }).passthrough()),
});
const boxSchema = z.object({
  __component: z.literal('content.resource-box'),
  title: z.string(),
  kind: z.string(),
  content: z.array(z.object({ type: z.string() }).passthrough()).nullable(),
});

async function publishedPages(): Promise<Array<z.infer<typeof pageSchema>>> {
  const query = new URLSearchParams({
    status: 'published',
    'populate[section][fields][0]': 'number',
    'populate[legacyPaths]': 'true',
    'populate[body][on][content.rich-text]': 'true',
    'populate[body][on][content.outcomes]': 'true',
    'populate[body][on][content.resource-box][populate][items]': 'true',
    'sort[0]': 'number:asc',
  });
  return (await listDocuments(strapi.write, 'pages', query)).map((raw) => pageSchema.parse(raw));
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const run = (options: { dryRun: boolean; publish: boolean }): Promise<ImportSummary> =>
    runImport({ paths: [SITE], ...options, env: strapi.write, log: quiet });
  dryRun = await run({ dryRun: true, publish: true });
  modulesAfterDryRun = await countDocuments(strapi.write, 'modules');
  const started = Date.now();
  published = await run({ dryRun: false, publish: true });
  importSeconds = (Date.now() - started) / 1000;
  // For the record: how long a whole site takes to import and publish on this machine.
  console.info(`[test] the fixture site imported and published in ${importSeconds.toFixed(1)} s`);
  again = await run({ dryRun: false, publish: true });
});

afterAll(async () => {
  await strapi.stop();
});

describe('importing the course-in-a-box fixture site', () => {
  it('a dry run plans every module, section and page and writes nothing', () => {
    expect(dryRun.failed).toEqual([]);
    // 2 modules, 3 + 2 sections, 6 pages.
    expect(dryRun.created).toHaveLength(13);
    expect(modulesAfterDryRun).toBe(0);
  });

  it('imports and publishes everything, within a minute; a second run changes nothing', () => {
    expect(published.failed).toEqual([]);
    expect(published.created).toHaveLength(13);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.skipped).toHaveLength(13);
    expect(importSeconds).toBeLessThan(60);
  });

  it('stores sections numbered in order, titled by their section head, with the objectives as outcomes', async () => {
    const query = new URLSearchParams({
      status: 'published',
      'populate[outcomes]': 'true',
      'populate[module][fields][0]': 'slug',
      'populate[module][fields][1]': 'title',
    });
    const sections = (await listDocuments(strapi.write, 'sections', query))
      .map((raw) => sectionSchema.parse(raw))
      .map((section) => ({
        at: `${section.module.slug} ${section.number}. ${section.title}`,
        module: section.module.title,
        outcomes: section.outcomes.length,
      }))
      .sort((left, right) => left.at.localeCompare(right.at));
    expect(sections).toEqual([
      { at: 'outreach 0. About This Module', module: 'reaching new audiences', outcomes: 3 },
      { at: 'outreach 1. Who Is Missing?', module: 'reaching new audiences', outcomes: 0 },
      { at: 'outreach 2. The First Conversation', module: 'reaching new audiences', outcomes: 0 },
      { at: 'programs 0. Programs That Last', module: 'programs that last', outcomes: 2 },
      { at: 'programs 1. Handing Over', module: 'programs that last', outcomes: 0 },
    ]);
  });

  it('stores pages with numbers, callout boxes with kind and rich content, links and old paths', async () => {
    const pages = await publishedPages();
    expect(pages.map((page) => `${page.number} ${page.slug}`).sort()).toEqual([
      '0.1 about-this-module',
      '0.1 programs-that-last',
      '1.1 handing-over',
      '1.1 who-is-missing',
      '1.2 mapping-assets',
      '2.1 first-conversation',
    ]);
    const mapping = pages.find((page) => page.slug === 'mapping-assets');
    const box = boxSchema.parse(mapping?.body.find((block) => block.__component === 'content.resource-box'));
    expect(box).toMatchObject({ kind: 'activity', title: 'Activity: Draw Your Own Map' });
    expect(box.content?.map((node) => node.type)).toEqual(['paragraph', 'list']);
    const text = JSON.stringify(mapping?.body);
    expect(text).toContain('"url":"/modules/outreach/who-is-missing/"');
    expect(text).toContain('"url":"/modules/outreach/first-conversation/"');
    expect(pages.find((page) => page.slug === 'who-is-missing')?.legacyPaths.map((entry) => entry.path)).toEqual([
      '/modules/outreach/who-is-missing.html',
      '/modules/outreach/who-is-missing/',
    ]);
  });

  it('reports the fidelity: every visible word of the source reached the documents', () => {
    const { total } = fidelityReport(published.fidelity);
    expect(total.pages).toBe(6);
    expect(total.sourceWords).toBe(346);
    expect(total.documentWords).toBe(346);
  });
});
