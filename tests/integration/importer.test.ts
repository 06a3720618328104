import path from 'node:path';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import/run-import.js';
import { listDocuments, strapiRequest, type Collection } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const quiet = (): void => undefined;

let strapi: ThrowawayStrapi;
let dir: string;

/** A Jekyll page with valid front matter unless a test overrides part of it. */
function page(frontMatter: Record<string, string>, body = 'Some text.'): string {
  const fields = {
    title: '1.0 Welcome',
    module_name: 'valid-module',
    module_full_name: 'Valid Module',
    section: '1. Getting Started',
    subsection: 'one-zero',
    ...frontMatter,
  };
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

async function count(collection: Collection, filter: Record<string, string>): Promise<number> {
  const documents = await listDocuments(strapi.write, collection, new URLSearchParams({ status: 'draft', ...filter }));
  return documents.length;
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  dir = await tempDir('import');
});

afterAll(async () => {
  await strapi.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('idempotency', () => {
  it('importing the same file twice leaves one module, one section and one page, updated in place', async () => {
    const first = await runImport({ paths: [fixture], publish: false, dryRun: false, env: strapi.write, log: quiet });
    const again = await runImport({ paths: [fixture], publish: false, dryRun: false, env: strapi.write, log: quiet });
    expect(first.created).toHaveLength(3);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.skipped).toHaveLength(3);
    // Publishing afterwards updates the same documents rather than creating new ones.
    const published = await runImport({
      paths: [fixture],
      publish: true,
      dryRun: false,
      env: strapi.write,
      log: quiet,
    });
    expect(published.created).toEqual([]);
    expect(published.updated).toHaveLength(3);
    expect(await count('modules', { 'filters[slug][$eq]': 'partnerships' })).toBe(1);
    expect(await count('sections', { 'filters[module][slug][$eq]': 'partnerships' })).toBe(1);
    expect(await count('pages', { 'filters[slug][$eq]': 'two-zero' })).toBe(1);
  });

  it('updates a changed page in place', async () => {
    const file = path.join(dir, 'edited.md');
    await writeFile(file, page({ module_name: 'edits', subsection: 'edited' }, 'First version.'));
    await runImport({ paths: [file], publish: false, dryRun: false, env: strapi.write, log: quiet });
    await writeFile(file, page({ module_name: 'edits', subsection: 'edited' }, 'Second version.'));
    const second = await runImport({ paths: [file], publish: false, dryRun: false, env: strapi.write, log: quiet });
    expect(second.updated).toEqual(['page edits/edited']);
    const [stored] = await listDocuments(
      strapi.write,
      'pages',
      new URLSearchParams({ status: 'draft', 'filters[slug][$eq]': 'edited', 'populate[body]': 'true' }),
    );
    expect(JSON.stringify(stored?.body)).toContain('Second version.');
    expect(await count('pages', { 'filters[slug][$eq]': 'edited' })).toBe(1);
  });

  it('a dry run writes nothing', async () => {
    const file = path.join(dir, 'dry.md');
    await writeFile(file, page({ module_name: 'dry-run-module', subsection: 'dry' }));
    const summary = await runImport({ paths: [file], publish: true, dryRun: true, env: strapi.write, log: quiet });
    expect(summary.created).toEqual([
      'module dry-run-module',
      'section dry-run-module/getting-started',
      'page dry-run-module/dry',
    ]);
    expect(await count('modules', { 'filters[slug][$eq]': 'dry-run-module' })).toBe(0);
  });
});

describe('page slugs', () => {
  it('are unique within a module but may repeat across modules', async () => {
    await runImport({ paths: [fixture], publish: false, dryRun: false, env: strapi.write, log: quiet });
    const [section] = await listDocuments(
      strapi.write,
      'sections',
      new URLSearchParams({ status: 'draft', 'filters[module][slug][$eq]': 'partnerships' }),
    );
    await expect(
      strapiRequest(strapi.write, 'POST', '/api/pages?status=draft', {
        data: { number: '2.5', title: 'Copy', slug: 'two-zero', section: section?.documentId },
      }),
    ).rejects.toThrow(/already uses the slug "two-zero"/);

    const file = path.join(dir, 'other-module.md');
    await writeFile(file, page({ module_name: 'other-module', subsection: 'two-zero' }));
    const other = await runImport({ paths: [file], publish: false, dryRun: false, env: strapi.write, log: quiet });
    expect(other.failed).toEqual([]);
    expect(await count('pages', { 'filters[slug][$eq]': 'two-zero' })).toBe(2);
  });
});

describe('hostile HTML', () => {
  it('never reaches Strapi, and each drop is reported with file and line', async () => {
    const file = path.join(dir, 'hostile.md');
    const body = [
      'Safe paragraph.',
      '',
      '<script>alert(1)</script>',
      '',
      '<p onclick="steal()">Click text</p>',
      '',
      '<a href="javascript:alert(2)">bad link</a>',
      '',
      '<iframe src="https://example.org"></iframe>',
    ].join('\n');
    await writeFile(file, page({ module_name: 'hostile', subsection: 'hostile' }, body));
    const lines: string[] = [];
    const summary = await runImport({
      paths: [file],
      publish: false,
      dryRun: false,
      env: strapi.write,
      log: (line) => lines.push(line),
    });
    expect(summary.failed).toEqual([]);
    expect(summary.warnings.map((warning) => warning.line)).toEqual([11, 13, 15, 17]);
    expect(lines.filter((line) => line.includes('warning')).every((line) => line.includes(`${file}:`))).toBe(true);
    const [stored] = await listDocuments(
      strapi.write,
      'pages',
      new URLSearchParams({ status: 'draft', 'filters[slug][$eq]': 'hostile', 'populate[body]': 'true' }),
    );
    const json = JSON.stringify(stored?.body);
    expect(json).toContain('Safe paragraph.');
    expect(json).toContain('Click text');
    for (const hostile of ['script', 'alert', 'onclick', 'steal', 'javascript:', 'iframe']) {
      expect(json).not.toContain(hostile);
    }
  });
});

describe('bad input', () => {
  const cases: Array<{ name: string; file: string; source: string | null; problem: RegExp }> = [
    { name: 'an unreadable file', file: 'missing.md', source: null, problem: /cannot be read/ },
    {
      name: 'invalid YAML front matter',
      file: 'bad-yaml.md',
      source: '---\ntitle: [2.0 Overview\nmodule_name: bad-yaml\n---\n\nText.\n',
      problem: /YAML/i,
    },
    {
      name: 'a missing required key',
      file: 'no-module.md',
      source: page({ module_name: '', module_full_name: 'No Module Name' }).replace('module_name: \n', ''),
      problem: /module_name/,
    },
    {
      name: 'a title that does not parse',
      file: 'bad-title.md',
      source: page({ title: 'Overview', module_name: 'bad-title' }),
      problem: /title/,
    },
    {
      name: 'a section that does not parse',
      file: 'bad-section.md',
      source: page({ section: 'Two', module_name: 'bad-section' }),
      problem: /section/,
    },
  ];

  it.each(cases)('$name: exits 1, names the file, writes nothing from it, imports the valid file', async (badCase) => {
    const caseDir = path.join(dir, badCase.file.replace('.md', ''));
    await mkdir(caseDir, { recursive: true });
    const badFile = path.join(caseDir, badCase.file);
    if (badCase.source !== null) await writeFile(badFile, badCase.source);
    const goodSlug = `good-${badCase.file.replace('.md', '')}`;
    const goodFile = path.join(caseDir, 'good.md');
    await writeFile(goodFile, page({ module_name: goodSlug, subsection: goodSlug }));

    const result = await execa('npx', ['tsx', 'scripts/import/main.ts', badFile, goodFile, '--publish'], {
      env: { STRAPI_URL: strapi.url, STRAPI_WRITE_TOKEN: strapi.write.STRAPI_WRITE_TOKEN },
      reject: false,
      all: true,
    });
    expect(result.exitCode).toBe(1);
    const failure = result.all.split('\n').find((line) => line.includes(`[import] ${badFile}:`));
    expect(failure, result.all).toMatch(badCase.problem);
    expect(result.all).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(result.all).toMatch(/failed\s+1/);

    // Nothing from the bad file; the good one is there.
    expect(await count('modules', { 'filters[slug][$eq]': badCase.file.replace('.md', '') })).toBe(0);
    expect(await count('pages', { 'filters[section][module][slug][$eq]': badCase.file.replace('.md', '') })).toBe(0);
    expect(await count('modules', { 'filters[slug][$eq]': goodSlug })).toBe(1);
    expect(await count('pages', { 'filters[slug][$eq]': goodSlug })).toBe(1);
  });
});
