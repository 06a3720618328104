import path from 'node:path';
import { rm, stat, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ImportProgress } from '../../scripts/import/import-progress.js';
import { runImport, type ImportOptions } from '../../scripts/import/run-import.js';
import { listDocuments, type Collection } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A file that fails is imported not at all: not its page, not the module or section created for
 * it, neither as a draft nor published, whether it fails before the first write (too large) or
 * midway, when Strapi itself refuses the page after the module and section were written.
 */

const MIB = 1024 * 1024;
const STATUSES = ['draft', 'published'] as const;

let strapi: ThrowawayStrapi;
let dir: string;

/** A Jekyll page; the section title gives the section's slug, so each test can find its own. */
function page(fields: { module: string; moduleTitle?: string; section: string; slug: string }, body: string): string {
  return [
    '---',
    `title: 1.${fields.slug.length} ${fields.slug}`,
    `module_name: ${fields.module}`,
    `module_full_name: ${fields.moduleTitle ?? `Module ${fields.module}`}`,
    `section: 1. ${fields.section}`,
    `subsection: ${fields.slug}`,
    '---',
    '',
    body,
    '',
  ].join('\n');
}

/** Many one-word paragraphs: small as Markdown, each a Blocks paragraph of ~60 bytes of JSON. */
const shortParagraphs = (count: number): string =>
  Array.from({ length: count }, (_, index) => `p${index}`).join('\n\n');

async function write(name: string, source: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, source);
  return file;
}

const importFiles = (paths: string[], options: Partial<ImportOptions> = {}) =>
  runImport({ paths, publish: true, dryRun: false, env: strapi.write, log: () => undefined, ...options });

/** Progress that records each phase's counts ("writing 3/3") and the run's messages. */
function recordingProgress() {
  const counts = new Map<string, { done: number; total: number }>();
  const lines: string[] = [];
  const progress: ImportProgress = {
    start: (phase, total) => counts.set(phase, { done: 0, total }),
    advance: (phase, by = 1) => {
      const count = counts.get(phase);
      if (count) count.done += by;
    },
    log: (line) => lines.push(line),
    stop: () => undefined,
  };
  const done = (phase: string): number => counts.get(phase)?.done ?? 0;
  const log = (line: string): void => {
    lines.push(line);
  };
  return { options: { progress, log }, lines, done };
}

/** Documents of `collection` whose `field` is `value`, in one status, through the write token. */
function find(collection: Collection, field: string, value: string, status: 'draft' | 'published') {
  return listDocuments(strapi.write, collection, new URLSearchParams({ status, [`filters[${field}][$eq]`]: value }));
}

/** How many drafts and published versions of `collection` have `field` equal to `value`. */
async function countBoth(collection: Collection, field: string, value: string): Promise<number[]> {
  return Promise.all(STATUSES.map(async (status) => (await find(collection, field, value, status)).length));
}

const publishedModulesSchema = z.array(
  z.object({
    slug: z.string(),
    sections: z.array(z.object({ slug: z.string(), pages: z.array(z.object({ slug: z.string() })) })),
  }),
);

/** What the public home would list: published modules, each with its published sections and pages. */
async function publishedModules(): Promise<z.infer<typeof publishedModulesSchema>> {
  const raw = await listDocuments(
    strapi.write,
    'modules',
    new URLSearchParams({
      status: 'published',
      'fields[0]': 'slug',
      'populate[sections][fields][0]': 'slug',
      'populate[sections][populate][pages][fields][0]': 'slug',
    }),
  );
  return publishedModulesSchema.parse(raw);
}

/** The public never sees a module without a page: each published module has a section with one. */
async function expectNoEmptyModule(): Promise<void> {
  const empty = (await publishedModules()).filter(
    (module) => !module.sections.some((section) => section.pages.length > 0),
  );
  expect(empty.map((module) => module.slug)).toEqual([]);
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  dir = await tempDir('import-failures');
});

afterAll(async () => {
  await strapi.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a page over a size limit writes nothing', () => {
  it('a source over 1 MiB: exit 1 naming the file, its size and the limit; nothing of it exists, the other file is published', async () => {
    const body = 'An ordinary paragraph of prose, repeated until the page is larger than its limit.\n\n'.repeat(18_000);
    const big = await write(
      'too-big.md',
      page({ module: 'too-big', section: 'Too Big Section', slug: 'too-big' }, body),
    );
    const good = await write(
      'beside-big.md',
      page({ module: 'beside-big', section: 'Beside Big', slug: 'beside-big' }, 'Fine.'),
    );

    const result = await execa('npx', ['tsx', 'scripts/import/main.ts', big, good, '--publish'], {
      env: { STRAPI_URL: strapi.url, STRAPI_WRITE_TOKEN: strapi.write.STRAPI_WRITE_TOKEN },
      reject: false,
      all: true,
    });
    expect(result.exitCode).toBe(1);
    const failure = result.all.split('\n').find((line) => line.includes(`[import] ${big}:`));
    const { size } = await stat(big);
    expect(size).toBeGreaterThan(1.4 * MIB);
    expect(failure, result.all).toContain(`(${size.toLocaleString('en-US')} bytes), over the`);
    expect(failure).toContain('over the 1 MiB (1,048,576 bytes) limit');
    expect(failure).toContain('split it into smaller pages');
    expect(result.all).toMatch(/failed\s+1/);

    expect(await countBoth('modules', 'slug', 'too-big')).toEqual([0, 0]);
    expect(await countBoth('sections', 'slug', 'too-big-section')).toEqual([0, 0]);
    expect(await countBoth('pages', 'slug', 'too-big')).toEqual([0, 0]);
    expect(await countBoth('modules', 'slug', 'beside-big')).toEqual([1, 1]);
    expect(await countBoth('pages', 'slug', 'beside-big')).toEqual([1, 1]);
  });

  it("a write over Strapi's 1 MiB body limit (from a small source) is refused before the first write", async () => {
    const file = await write(
      'dense.md',
      page({ module: 'dense', section: 'Dense Section', slug: 'dense' }, shortParagraphs(30_000)),
    );
    const recorded = recordingProgress();
    const summary = await importFiles([file], recorded.options);
    expect(summary.failed.map((failure) => failure.file)).toEqual([file]);
    expect(summary.failed[0]?.message).toMatch(
      /page dense\/dense would be sent to Strapi as [\d.]+ MiB \([\d,]+ bytes\) of JSON, over the 1 MiB \(1,048,576 bytes\) one write may hold; split the page/,
    );
    // Not one request that writes.
    expect([recorded.done('writing'), recorded.done('publishing')]).toEqual([0, 0]);
    expect(recorded.lines.filter((line) => /removed/.test(line))).toEqual([]);
    expect(await countBoth('modules', 'slug', 'dense')).toEqual([0, 0]);
    expect(await countBoth('sections', 'slug', 'dense-section')).toEqual([0, 0]);
  });
});

describe('a page Strapi refuses midway', () => {
  // The client's own limit is raised above Strapi's, so the page reaches Strapi and is refused
  // there (413) after its module and section were written: a real failure midway.
  const overStrapiLimit = { limits: { payloadBytes: 8 * MIB } };
  const refused = (module: string, section: string, slug: string, moduleTitle?: string): string =>
    page({ module, section, slug, moduleTitle }, shortParagraphs(30_000));

  it('alone in a new module: the module and section written for it are deleted, nothing is published', async () => {
    const file = await write('midway-alone.md', refused('midway-alone', 'Midway Alone', 'midway-alone'));
    const recorded = recordingProgress();
    const summary = await importFiles([file], { ...overStrapiLimit, ...recorded.options });

    // Module, section and page were sent; the first two were written, then removed again.
    expect(recorded.done('writing')).toBe(3);
    expect(recorded.lines).toContainEqual(expect.stringMatching(/module midway-alone: removed/));
    expect(recorded.lines).toContainEqual(expect.stringMatching(/section midway-alone\/midway-alone: removed/));
    expect(summary.failed.map((failure) => failure.file)).toEqual([file]);
    expect(summary.failed[0]?.message).toMatch(
      /^\[import\] .*midway-alone\.md: page midway-alone\/midway-alone was not written: Strapi refused POST \/api\/pages \(413 /,
    );
    expect(summary.failed[0]?.message).toContain(
      'Nothing of it was published, and what this run created for it was removed',
    );
    expect(summary.created).toEqual([]);

    expect(await countBoth('modules', 'slug', 'midway-alone')).toEqual([0, 0]);
    expect(await countBoth('sections', 'slug', 'midway-alone')).toEqual([0, 0]);
    expect(await countBoth('pages', 'slug', 'midway-alone')).toEqual([0, 0]);
    expect((await publishedModules()).map((module) => module.slug)).not.toContain('midway-alone');
    await expectNoEmptyModule();
  });

  it('beside a good page of the same new module: the module and section are published with the good page only', async () => {
    const good = await write(
      'shared-good.md',
      page({ module: 'midway-shared', section: 'Shared', slug: 'shared-good' }, 'Fine.'),
    );
    const bad = await write('shared-bad.md', refused('midway-shared', 'Shared', 'shared-bad'));
    const summary = await importFiles([good, bad], overStrapiLimit);

    expect(summary.failed.map((failure) => failure.file)).toEqual([bad]);
    const shared = (await publishedModules()).find((module) => module.slug === 'midway-shared');
    expect(shared?.sections).toEqual([{ slug: 'shared', pages: [{ slug: 'shared-good' }] }]);
    expect(await countBoth('pages', 'slug', 'shared-bad')).toEqual([0, 0]);
    expect(await countBoth('sections', 'slug', 'shared')).toEqual([1, 1]);
    await expectNoEmptyModule();
  });

  it("in a published module it renames: the module's published version keeps its old title", async () => {
    const first = await write(
      'renamed-first.md',
      page({ module: 'midway-renamed', moduleTitle: 'Old Title', section: 'Renamed', slug: 'renamed-first' }, 'Fine.'),
    );
    expect((await importFiles([first])).failed).toEqual([]);
    const bad = await write('renamed-bad.md', refused('midway-renamed', 'Renamed', 'renamed-bad', 'New Title'));
    const summary = await importFiles([bad], overStrapiLimit);

    expect(summary.failed.map((failure) => failure.file)).toEqual([bad]);
    const [published] = await find('modules', 'slug', 'midway-renamed', 'published');
    expect(published?.title).toBe('Old Title');
    expect(await countBoth('pages', 'slug', 'renamed-bad')).toEqual([0, 0]);
    expect(await countBoth('pages', 'slug', 'renamed-first')).toEqual([1, 1]);
  });
});

describe('re-importing an unchanged file', () => {
  it('says nothing changed and writes nothing, with or without --publish', async () => {
    const file = await write('steady.md', page({ module: 'steady', section: 'Steady', slug: 'steady' }, 'Same.'));
    expect((await importFiles([file])).created).toHaveLength(3);
    const stamps = async (): Promise<unknown[]> => {
      const found = await Promise.all(
        STATUSES.flatMap((status) => [
          find('modules', 'slug', 'steady', status),
          find('sections', 'slug', 'steady', status),
          find('pages', 'slug', 'steady', status),
        ]),
      );
      return found.map((documents) => documents.map((document) => [document.documentId, document.updatedAt]));
    };
    const before = await stamps();

    for (const publish of [true, false]) {
      const lines: string[] = [];
      const again = await importFiles([file], { publish, log: (line) => lines.push(line) });
      expect(again).toMatchObject({ created: [], updated: [], failed: [] });
      expect(again.skipped).toEqual(['module steady', 'section steady/steady', 'page steady/steady']);
      expect(lines).toContain('[import] Nothing changed: all 3 documents are already up to date in Strapi.');
    }
    expect(await stamps()).toEqual(before);
  });
});
