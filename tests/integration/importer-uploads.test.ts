import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runImport, type ImportSummary } from '../../scripts/import/run-import.js';
import { listDocuments, strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Course-in-a-box files into the media library, against a real Strapi: a site whose pages show one
 * image twice (under two names), link a PDF and a Word file and name a missing photo. A dry run
 * uploads nothing; the import uploads each content once, points images and links at the uploads
 * with each page's alt text, warns of the missing file with page and line and imports the page; a
 * second run uploads nothing and changes nothing.
 */

let strapi: ThrowawayStrapi;
let site: string;
let dryRun: ImportSummary;
let uploadsAfterDryRun: number;
let first: ImportSummary;
let second: ImportSummary;
const lines: string[] = [];
let png: Buffer;

const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

const uploadSchema = z.object({ name: z.string(), url: z.string(), mime: z.string() });
const listUploads = async () =>
  z.array(uploadSchema).parse(await strapiRequest(strapi.write, 'GET', '/api/upload/files?pagination[limit]=100'));

const pageSchema = z.object({ slug: z.string(), body: z.array(z.record(z.unknown())) });
async function publishedBody(slug: string): Promise<string> {
  const query = new URLSearchParams({
    status: 'published',
    'filters[slug][$eq]': slug,
    'populate[body][on][content.rich-text]': 'true',
    'populate[body][on][content.resource-box][populate][items]': 'true',
  });
  const [page] = (await listDocuments(strapi.write, 'pages', query)).map((raw) => pageSchema.parse(raw));
  return JSON.stringify(page?.body ?? null);
}

const imageRecords = (body: string) =>
  z
    .array(
      z.object({
        type: z.string(),
        image: z.object({ url: z.string(), alternativeText: z.string(), width: z.number() }).optional(),
      }),
    )
    .parse(
      z
        .array(z.object({ content: z.array(z.unknown()).nullish() }).passthrough())
        .parse(JSON.parse(body))
        .flatMap((block) => block.content ?? []),
    )
    .flatMap((node) => (node.image ? [node.image] : []));

beforeAll(async () => {
  site = await tempDir('cib-media');
  png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
  await mkdir(path.join(site, 'img'), { recursive: true });
  await mkdir(path.join(site, 'docs'), { recursive: true });
  await mkdir(path.join(site, 'modules', 'media', '_posts'), { recursive: true });
  await writeFile(path.join(site, '_config.yml'), 'title: Media test\nbaseurl: "/course"\n');
  await writeFile(path.join(site, 'img', 'map.png'), png);
  // The same picture under a second name: one upload serves both.
  await writeFile(path.join(site, 'img', 'map-copy.png'), png);
  await writeFile(path.join(site, 'docs', 'guide.pdf'), PDF);
  await writeFile(path.join(site, 'docs', 'letter.docx'), 'not really a Word file, but bytes all the same');
  const post = (name: string, body: string) =>
    writeFile(path.join(site, 'modules', 'media', '_posts', name), `---\ntitle: ${name}\n---\n\n${body}\n`);
  await post(
    '2000-01-01-maps.md',
    [
      'A map of the neighbourhood.',
      '',
      '![A map of four blocks]({{ site.baseurl }}/img/map.png)',
      '',
      'Read [the guide]({{ site.baseurl }}/docs/guide.pdf#page=2) and [the letter](/docs/letter.docx).',
      '',
      'A picture we lost: ![Old photo](/img/missing.jpg)',
    ].join('\n'),
  );
  await post(
    '2000-02-01-again.md',
    ['The same map, for the second exercise.', '', '![The map again, marked up](/img/map-copy.png)'].join('\n'),
  );
  strapi = await startThrowawayStrapi();
  const run = (dry: boolean) =>
    runImport({ paths: [site], dryRun: dry, publish: true, env: strapi.write, log: (line) => lines.push(line) });
  dryRun = await run(true);
  uploadsAfterDryRun = (await listUploads()).length;
  first = await run(false);
  second = await run(false);
}, 300_000);

afterAll(async () => {
  await strapi.stop();
  await rm(site, { recursive: true, force: true });
});

describe('importing the files course-in-a-box pages reference', () => {
  it('a dry run uploads nothing', () => {
    expect(dryRun.failed).toEqual([]);
    expect(uploadsAfterDryRun).toBe(0);
    expect(lines).toContain('[import] media: 0 uploaded, 0 already in the library, 3 would be uploaded');
  });

  it('uploads each content once, named with its sha256, and the pages import and publish', async () => {
    expect(first.failed).toEqual([]);
    expect(first.created).toContain('page media/maps');
    const uploads = await listUploads();
    const sha = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
    expect(uploads.map((upload) => upload.name).sort()).toEqual([
      `guide.sha256-${sha(PDF)}.pdf`,
      `letter.sha256-${sha('not really a Word file, but bytes all the same')}.docx`,
      `map.sha256-${sha(png)}.png`,
    ]);
    expect(lines).toContain('[import] media: 3 uploaded, 0 already in the library');
  });

  it('points images at the upload with the alt text of each page, and links at the uploaded documents', async () => {
    const uploads = await listUploads();
    const url = (name: string) => {
      const upload = uploads.find((entry) => entry.name.startsWith(name));
      return `${strapi.url}${upload?.url ?? 'none'}`;
    };
    const maps = await publishedBody('maps');
    expect(imageRecords(maps)).toEqual([
      expect.objectContaining({ url: url('map.'), alternativeText: 'A map of four blocks', width: 640 }),
    ]);
    // The missing photo is left out: no broken image.
    expect(maps).not.toContain('missing.jpg');
    expect(maps).toContain(`"url":"${url('guide.')}#page=2"`);
    expect(maps).toContain(`"url":"${url('letter.')}"`);
    expect(imageRecords(await publishedBody('again'))).toEqual([
      expect.objectContaining({ url: url('map.'), alternativeText: 'The map again, marked up' }),
    ]);
    // What the pages point at is served by Strapi, byte for byte.
    const served = Buffer.from(await (await fetch(url('guide.'))).arrayBuffer());
    expect(served.toString()).toBe(PDF);
  });

  it('warns of the missing file with its page, line and path, and imports that page', () => {
    const warning = first.warnings.find((entry) => entry.message.includes('/img/missing.jpg'));
    expect(warning?.file).toContain('2000-01-01-maps.md');
    expect(warning?.line).toBe(11);
    expect(warning?.message).toContain('missing');
  });

  it('a second run uploads nothing and changes nothing', async () => {
    expect(second.failed).toEqual([]);
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect((await listUploads()).length).toBe(3);
    expect(lines).toContain('[import] media: 0 uploaded, 3 already in the library');
    expect(lines).toContain('[import] Nothing changed: all 4 documents are already up to date in Strapi.');
  });
});

describe('a page refused by the checks before any write', () => {
  it('leaves no upload behind: its files are not uploaded, the other pages import', async () => {
    const refusedSite = await tempDir('cib-refused');
    try {
      const posts = path.join(refusedSite, 'modules', 'refusals', '_posts');
      await mkdir(posts, { recursive: true });
      await mkdir(path.join(refusedSite, 'img'), { recursive: true });
      await writeFile(path.join(refusedSite, '_config.yml'), 'title: Refusals\n');
      const shade = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a37' } })
        .png()
        .toBuffer();
      await writeFile(path.join(refusedSite, 'img', 'only-on-the-big-page.png'), shade);
      // Small as Markdown, over the 1 MiB one write may hold as JSON: refused by the size check.
      const paragraphs = Array.from({ length: 30_000 }, (_, index) => `p${String(index)}`).join('\n\n');
      await writeFile(
        path.join(posts, '2000-01-01-big.md'),
        `---\ntitle: Big\n---\n\n![Shown only here](/img/only-on-the-big-page.png)\n\n${paragraphs}\n`,
      );
      await writeFile(path.join(posts, '2000-02-01-small.md'), '---\ntitle: Small\n---\n\nFine.\n');
      const summary = await runImport({
        paths: [refusedSite],
        dryRun: false,
        publish: true,
        env: strapi.write,
        log: () => undefined,
      });
      // The messages are in the assertion's text, so an unexpected failure says why it failed.
      expect(
        summary.failed.map((failure) => path.basename(failure.file)),
        JSON.stringify(summary.failed.map((failure) => failure.message)),
      ).toEqual(['2000-01-01-big.md']);
      expect(summary.created).toContain('page refusals/small');
      expect((await listUploads()).map((upload) => upload.name).filter((name) => name.startsWith('only-on'))).toEqual(
        [],
      );
    } finally {
      await rm(refusedSite, { recursive: true, force: true });
    }
  });
});
