import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BuildReport } from '@lm/shared';
import { runImport } from '../../scripts/import/run-import.js';
import { listDocuments, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { WarmSiteBuilder } from '../../scripts/lib/warm-site-builder.js';
import { readBuiltPage, type BuiltPage } from '../helpers/built-page.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Rich-text images through Astro's image pipeline, with a real Strapi (images uploaded by the
 * importer) and real builds by the warm build worker: the page has a WebP srcset of several widths,
 * width, height and alt set, the first image eager and the others lazy, a decorative image with
 * alt=""; the files exist in the release. A rebuild that reuses the module with the images still
 * has them (and renders only the changed module), and a full rebuild takes every image from
 * Astro's cache instead of encoding it again.
 */

let strapi: ThrowawayStrapi | undefined;
let site: string;
// Undefined when beforeAll failed early (Strapi did not start): afterAll stops what started.
let builder: WarmSiteBuilder | undefined;
const dirs: string[] = [];
let lines: string[] = [];

interface Built {
  dir: string;
  report: BuildReport;
  durationMs: number;
  output: string[];
}

async function buildInto(reuseFrom: string | null): Promise<Built> {
  const dir = await tempDir('images');
  dirs.push(dir);
  lines = [];
  if (builder === undefined) throw new Error('The build worker was not started.');
  const { report, durationMs } = await builder.build({ outDir: dir, reuseFrom });
  return { dir, report, durationMs, output: lines };
}

const attribute = (page: BuiltPage, index: number, name: string): string => {
  const value = page.all('main img')[index]?.properties[name];
  return Array.isArray(value) ? value.join(' ') : String(value);
};

/** Image generation lines of Astro's build: "▶ /_astro/x.webp (before: …)" or, from Astro's cache, "(reused cache entry)" (still fresh) or "(revalidated cache entry)" (Strapi answered 304). */
const encoded = (output: string[]) => output.filter((line) => /\/_astro\/\S+\.webp \(before:/.test(line));
const fromCache = (output: string[]) =>
  output.filter((line) => /\/_astro\/\S+\.webp \((reused|revalidated) cache entry\)/.test(line));

/** Time Astro reports for its image lines ("(+145ms)", "(+1.20s)"), in ms: the images' share of a build. */
const imageMs = (output: string[]) =>
  output
    .filter((line) => line.includes('/_astro/') && line.includes('.webp ('))
    .map((line) => /\(\+([\d.]+)(ms|s)\)/.exec(line))
    .reduce((sum, match) => sum + Number(match?.[1] ?? 0) * (match?.[2] === 's' ? 1000 : 1), 0);

let first: Built;
let incremental: Built;
let full: Built;
let mapsPage: BuiltPage;

beforeAll(async () => {
  site = await tempDir('images-site');
  const picture = await sharp({
    create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 120, b: 90 } },
  })
    .png()
    .toBuffer();
  const swirl = await sharp({ create: { width: 800, height: 200, channels: 3, background: '#c84' } })
    .png()
    .toBuffer();
  await mkdir(path.join(site, 'img'), { recursive: true });
  await writeFile(path.join(site, 'img', 'map.png'), picture);
  await writeFile(path.join(site, 'img', 'swirl.png'), swirl);
  await writeFile(path.join(site, '_config.yml'), 'title: Images\n');
  const post = async (module: string, name: string, body: string) => {
    await mkdir(path.join(site, 'modules', module, '_posts'), { recursive: true });
    await writeFile(path.join(site, 'modules', module, '_posts', name), `---\ntitle: ${name}\n---\n\n${body}\n`);
  };
  await post(
    'alpha',
    '2000-01-01-maps.md',
    [
      'A map of the neighbourhood.',
      '![A map of four blocks](/img/map.png)',
      // No alt text: imported with the decorative mark.
      '![](/img/swirl.png)',
      'The end.',
    ].join('\n\n'),
  );
  await post('beta', '2000-01-01-words.md', 'Only words here.');
  strapi = await startThrowawayStrapi();
  const summary = await runImport({
    paths: [site],
    dryRun: false,
    publish: true,
    env: strapi.write,
    log: () => undefined,
  });
  expect(summary.failed).toEqual([]);
  builder = new WarmSiteBuilder({ PATH: process.env.PATH, ...strapi.read }, (line) => lines.push(line));
  first = await buildInto(null);
  mapsPage = await readBuiltPage(first.dir, 'modules/alpha/maps');
  // A publish in the other module: the next build reuses alpha's pages from the first release.
  const [words] = z
    .array(z.object({ documentId: z.string() }))
    .parse(await listDocuments(strapi.write, 'pages', new URLSearchParams({ 'filters[slug][$eq]': 'words' })));
  await updateDocument(strapi.write, 'pages', String(words?.documentId), { title: 'Words, edited' }, 'published');
  incremental = await buildInto(first.dir);
  full = await buildInto(null);
  // For the record: what images cost a build on this machine.
  console.info(
    `[test] builds with 2 images: first ${String(first.durationMs)} ms (${String(encoded(first.output).length)} files encoded), ` +
      `incremental ${String(incremental.durationMs)} ms, full again ${String(full.durationMs)} ms ` +
      `(${String(fromCache(full.output).length)} files from the cache, ${String(encoded(full.output).length)} encoded); ` +
      `image lines: ${String(imageMs(first.output))} ms first, ${String(imageMs(full.output))} ms full again`,
  );
}, 900_000);

afterAll(async () => {
  builder?.stop();
  await strapi?.stop();
  await Promise.all([site, ...dirs].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('rich-text images through the image pipeline', () => {
  it('renders a WebP srcset of several widths with width, height and alt, the first image eager', () => {
    expect(attribute(mapsPage, 0, 'alt')).toBe('A map of four blocks');
    expect(attribute(mapsPage, 0, 'src')).toMatch(/^\/_astro\/.+\.webp$/);
    const widths = attribute(mapsPage, 0, 'srcSet')
      .split(',')
      .map((candidate) => /\.webp (\d+)w$/.exec(candidate.trim())?.[1]);
    expect(widths).toEqual(['336', '672', '1008', '1344']);
    expect(attribute(mapsPage, 0, 'width')).toBe('1344');
    expect(attribute(mapsPage, 0, 'height')).toBe('840');
    expect(attribute(mapsPage, 0, 'sizes')).toContain('42rem');
    expect(attribute(mapsPage, 0, 'loading')).toBe('eager');
    expect(attribute(mapsPage, 0, 'decoding')).toBe('async');
  });

  it('renders the decorative image with alt="" and lazily', () => {
    expect(mapsPage.html).toMatch(/<img [^>]*alt=""[^>]*>/);
    expect(attribute(mapsPage, 1, 'alt')).toBe('');
    expect(attribute(mapsPage, 1, 'loading')).toBe('lazy');
    expect(attribute(mapsPage, 1, 'width')).toBe('800');
    expect(attribute(mapsPage, 1, 'height')).toBe('200');
  });

  it('writes every file the page names into the release, and links to nothing on Strapi', () => {
    const urls = mapsPage
      .all('main img')
      .flatMap((img) => [String(img.properties.src), ...String(img.properties.srcSet).split(',')])
      .map((candidate) => candidate.trim().split(' ')[0] ?? '');
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith('/_astro/'), url).toBe(true);
      expect(existsSync(path.join(first.dir, url)), url).toBe(true);
    }
    expect(mapsPage.html).not.toContain(String(strapi?.url));
  });

  it('a rebuild that reuses the module keeps its images, and renders only the changed module', async () => {
    expect(incremental.report.modulesReused).toEqual(['alpha']);
    expect(incremental.report.modulesRendered).toEqual(['beta']);
    expect(incremental.report.pagesCopied).toBeGreaterThan(0);
    const page = await readBuiltPage(incremental.dir, 'modules/alpha/maps');
    for (const img of page.all('main img')) {
      expect(existsSync(path.join(incremental.dir, String(img.properties.src)))).toBe(true);
    }
    // The same files as a build that renders everything.
    const names = async (dir: string) => (await readdir(path.join(dir, '_astro'))).sort();
    expect(await names(incremental.dir)).toEqual(await names(full.dir));
  });

  it('encodes each image once: the next full build takes them from the cache', () => {
    expect(encoded(first.output).length).toBeGreaterThanOrEqual(5);
    expect(encoded(full.output)).toEqual([]);
    expect(fromCache(full.output).length).toBe(encoded(first.output).length);
  });
});
