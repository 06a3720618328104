import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readEnvSchema, writeEnvSchema, type WriteEnv } from '@lm/shared';
import { runImport } from '../../scripts/import/run-import.js';
import { buildSite } from '../../scripts/lib/build-site.js';
import { demoContentDir } from '../../scripts/lib/demo-site.js';
import { archivePath, runBackup, type BackupResult } from '../../scripts/lib/run-backup.js';
import { runRestore } from '../../scripts/lib/run-restore.js';
import { strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import {
  startStrapiProcess,
  startThrowawayStrapi,
  throwawayEnv,
  type ThrowawayStrapi,
} from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Backups that restore: the demo module and a course-in-a-box page with a picture and a PDF in a
 * real Strapi, backed up with `npm run backup`'s code, restored with `npm run restore`'s into a
 * CMS whose database is empty, and the site built from each: the same pages and the same media.
 * The restored CMS answers at the same address, as after a real restore: imported pages name their
 * uploads by absolute URL. Each CMS has a public folder of its own, since a restore empties the
 * uploads folder it targets.
 */

let work: string;
let source: ThrowawayStrapi | undefined;
let target: { env: Record<string, string>; stop: () => Promise<void> } | undefined;
let backup: BackupResult;
let targetEnv: Record<string, string>;
let whileRunningError: unknown;
let wrongKeyError: unknown;
let wrongKeyWrote: string[];
let uploadsBefore: Map<string, Buffer>;
let siteBefore: string;
let siteAfter: string;
let png: Buffer;
const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

const uploadSchema = z.array(z.object({ name: z.string(), url: z.string() }));

/** Every upload of the CMS at `env`, by name, with the bytes Strapi serves for it. */
async function uploadsOf(env: WriteEnv): Promise<Map<string, Buffer>> {
  const uploads = uploadSchema.parse(await strapiRequest(env, 'GET', '/api/upload/files?pagination[limit]=100'));
  const entries = await Promise.all(
    uploads.map(async (upload): Promise<[string, Buffer]> => {
      const response = await fetch(`${env.STRAPI_URL}${upload.url}`);
      return [upload.name, Buffer.from(await response.arrayBuffer())];
    }),
  );
  return new Map(entries);
}

/**
 * A page's HTML without what differs between two builds of the same content: Astro's island id
 * prefixes and the site's numbered element ids (outcomes-3, resource-box-5) follow the order pages
 * finish rendering, which varies from build to build.
 */
const sameBuild = (html: string): string =>
  html.replace(/ prefix="r\d+"/g, ' prefix="r"').replace(/\b(outcomes|resource-box)-\d+\b/g, '$1-N');

/**
 * A file's name with the hash Pagefind puts into the names of its index files taken out: on
 * PostgreSQL two builds of the same content were seen to name some fragments differently.
 */
const searchIndexName = (name: string): string =>
  name.includes('/_search/') ? name.replace(/en_[0-9a-f]+\./, 'en_<hash>.') : name;

/** Every file under `dir`, as sorted paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A course-in-a-box site with one page that shows a picture and links a PDF. */
async function writeMediaSite(dir: string): Promise<void> {
  png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  await mkdir(path.join(dir, 'img'), { recursive: true });
  await mkdir(path.join(dir, 'docs'), { recursive: true });
  await mkdir(path.join(dir, 'modules', 'media', '_posts'), { recursive: true });
  await writeFile(path.join(dir, '_config.yml'), 'title: Media\nbaseurl: "/course"\n');
  await writeFile(path.join(dir, 'img', 'map.png'), png);
  await writeFile(path.join(dir, 'docs', 'guide.pdf'), PDF);
  await writeFile(
    path.join(dir, 'modules', 'media', '_posts', '2000-01-01-maps.md'),
    '---\ntitle: Maps\n---\n\nA map.\n\n![A map of four blocks](/img/map.png)\n\nRead [the guide](/docs/guide.pdf).\n',
  );
}

beforeAll(async () => {
  work = await tempDir('backup');
  await writeMediaSite(path.join(work, 'media-site'));
  // Strapi's local upload provider wants the uploads folder to exist.
  await mkdir(path.join(work, 'public-source', 'uploads'), { recursive: true });
  const cms = await startThrowawayStrapi({ PUBLIC_DIR: path.join(work, 'public-source') });
  source = cms;
  const imported = await runImport({
    paths: [demoContentDir, path.join(work, 'media-site')],
    publish: true,
    dryRun: false,
    env: cms.write,
    log: () => undefined,
  });
  expect(imported.failed).toEqual([]);

  const file = archivePath('demo', { cwd: work, defaultDir: work, now: new Date() });
  backup = await runBackup({ file, env: cms.env, logFile: path.join(work, 'backup.log') });
  siteBefore = path.join(work, 'site-before');
  await buildSite({ outDir: siteBefore, env: { PATH: process.env.PATH, ...cms.read } });
  uploadsBefore = await uploadsOf(cms.write);

  // The target: an empty database that no Strapi has opened yet and its own public folder, at the
  // source's address. Its secrets are its own, except the key: a backup restores only with the key
  // it was made with.
  await mkdir(path.join(work, 'target'));
  await mkdir(path.join(work, 'public-target', 'uploads'), { recursive: true });
  targetEnv = await throwawayEnv(path.join(work, 'target'), {
    PORT: new URL(cms.url).port,
    STRAPI_URL: cms.url,
    BACKUP_ENCRYPTION_KEY: cms.env.BACKUP_ENCRYPTION_KEY,
    PUBLIC_DIR: path.join(work, 'public-target'),
  });
  const restore = (env: Record<string, string>, log: string) =>
    runRestore({ file: backup.file, env, logFile: path.join(work, log) });
  whileRunningError = await restore(targetEnv, 'restore-while-running.log').catch((error: unknown) => error);
  wrongKeyError = await restore(
    { ...targetEnv, BACKUP_ENCRYPTION_KEY: 'another-key-of-enough-length-0123456789' },
    'restore-wrong-key.log',
  ).catch((error: unknown) => error);
  wrongKeyWrote = [
    ...(await readdir(path.join(work, 'target'))),
    ...(await readdir(work)).filter((name) => name.startsWith('restore-')),
  ];

  await cms.stop();
  source = undefined;
  await restore(targetEnv, 'restore.log');
  target = { env: targetEnv, ...(await startStrapiProcess(targetEnv, cms.url)) };
  siteAfter = path.join(work, 'site-after');
  await buildSite({ outDir: siteAfter, env: { PATH: process.env.PATH, ...readEnvSchema.parse(targetEnv) } });
}, 900_000);

afterAll(async () => {
  await source?.stop();
  await target?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('writes one encrypted archive with the content and the media files', async () => {
    expect(path.basename(backup.file)).toBe('demo.tar.gz.enc');
    expect(backup.bytes).toBeGreaterThan(png.length);
    expect(backup.archive.files.entities).toBeGreaterThan(0);
    // Nothing readable in it: not gzip, not tar, none of the demo's words.
    const bytes = await readFile(backup.file);
    expect(bytes.subarray(0, 2).toString('hex')).not.toBe('1f8b');
    expect(bytes.includes('Community Partnerships')).toBe(false);
    expect(await readdir(work)).not.toContain('.demo.partial.tar.gz.enc');
  });
});

describe('npm run restore', () => {
  it('refuses while a Strapi answers at the target address, before it writes anything', () => {
    expect(String(whileRunningError)).toContain(
      `[restore] A Strapi answers at ${targetEnv.STRAPI_URL}. Stop it first (Ctrl-C where \`npm start\` runs), restore, then start it again.`,
    );
  });

  it('refuses a key that does not decrypt the archive, before Strapi touches the database', () => {
    expect(wrongKeyError).toBeInstanceOf(Error);
    expect(String(wrongKeyError)).toMatch(
      /\[restore\] .*demo\.tar\.gz\.enc cannot be read with BACKUP_ENCRYPTION_KEY: the key is not the one it was made with/,
    );
    // No database file, no Strapi log: Strapi never ran.
    expect(wrongKeyWrote).toEqual([]);
  });

  it('brings back every media file, byte for byte', async () => {
    if (!target) throw new Error('the restored CMS did not start');
    const after = await uploadsOf(writeEnvSchema.parse(target.env));
    expect([...after.keys()].sort()).toEqual([...uploadsBefore.keys()].sort());
    expect(after.size).toBeGreaterThanOrEqual(2);
    for (const [name, bytes] of after) {
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.equals(uploadsBefore.get(name) ?? Buffer.alloc(0)), name).toBe(true);
    }
  });

  it('builds the same site: the same files, and the same HTML on every page', async () => {
    const before = await filesUnder(siteBefore);
    expect((await filesUnder(siteAfter)).map(searchIndexName)).toEqual(before.map(searchIndexName));
    expect(before).toContain('modules/partnerships/two-zero/index.html');
    expect(before).toContain('modules/media/maps/index.html');
    expect(before.some((name) => /^_astro\/map.*\.webp$/.test(name))).toBe(true);
    for (const file of before.filter((name) => name.endsWith('.html'))) {
      const [a, b] = await Promise.all([
        readFile(path.join(siteBefore, file), 'utf8'),
        readFile(path.join(siteAfter, file), 'utf8'),
      ]);
      expect({ file, html: sameBuild(b) }).toEqual({ file, html: sameBuild(a) });
    }
  });
});
