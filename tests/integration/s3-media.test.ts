import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import/run-import.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import {
  spawnStrapi,
  startThrowawayStrapi,
  throwawayEnv,
  type ThrowawayStrapi,
} from '../../scripts/lib/throwaway-strapi.js';
import { WarmSiteBuilder } from '../../scripts/lib/warm-site-builder.js';
import { readBuiltPage } from '../helpers/built-page.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Media in an S3-compatible bucket: the real CMS with Strapi's S3 upload provider pointed at a
 * local S3 server (s3rver), an upload through Strapi's upload API, and the file in the bucket,
 * answering at the URL Strapi stored.
 */

const BUCKET = 'lm-media';
const picture = path.join(repoRoot, 'tests/fixtures/course-in-a-box/img/outreach/asset-map.png');
const uploadedSchema = z.array(
  z.object({ url: z.string(), provider: z.string(), formats: z.record(z.object({ url: z.string() })).nullable() }),
);

let dir = '';
let s3: S3rver;
let endpoint = '';
let strapi: ThrowawayStrapi;

const bucketEnv = (): Record<string, string> => ({
  S3_BUCKET: BUCKET,
  S3_REGION: 'us-east-1',
  S3_ENDPOINT: endpoint,
  // s3rver's own fixed credentials: it checks each request's signature against them.
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_PUBLIC_URL: `${endpoint}/${BUCKET}`,
});

beforeAll(async () => {
  dir = await tempDir('s3');
  const port = await freePort();
  s3 = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: path.join(dir, 'bucket-data'),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  await s3.run();
  endpoint = `http://127.0.0.1:${String(port)}`;
  strapi = await startThrowawayStrapi(bucketEnv());
});

afterAll(async () => {
  await strapi.stop();
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

describe('media in an S3-compatible bucket', () => {
  it('stores an upload in the bucket, at the public URL Strapi records', async () => {
    const bytes = await readFile(picture);
    const form = new FormData();
    form.append('files', new Blob([bytes], { type: 'image/png' }), 'asset-map.png');
    const response = await fetch(`${strapi.url}/api/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${strapi.write.STRAPI_WRITE_TOKEN}` },
      body: form,
    });
    expect(response.status, strapi.output().slice(-2000)).toBe(201);
    const [uploaded] = uploadedSchema.parse(await response.json());
    expect(uploaded?.provider).toBe('aws-s3');
    expect(uploaded?.url.startsWith(`${endpoint}/${BUCKET}/`)).toBe(true);

    const served = await fetch(uploaded?.url ?? '');
    expect(served.status).toBe(200);
    // Strapi re-encodes images on upload (size optimisation), so the bytes differ: still a PNG.
    const body = Buffer.from(await served.arrayBuffer());
    expect(body.subarray(0, 8).equals(bytes.subarray(0, 8))).toBe(true);

    // The bucket's listing holds the file and the smaller formats Strapi made of it.
    const listing = await (await fetch(`${endpoint}/${BUCKET}?list-type=2`)).text();
    const key = new URL(uploaded?.url ?? '').pathname.replace(`/${BUCKET}/`, '');
    expect(listing).toContain(`<Key>${key}</Key>`);
    for (const format of Object.values(uploaded?.formats ?? {})) {
      expect(format.url.startsWith(`${endpoint}/${BUCKET}/`)).toBe(true);
      expect((await fetch(format.url)).status).toBe(200);
    }
  });

  it('lets the admin show the bucket’s images (Content-Security-Policy)', async () => {
    const response = await fetch(`${strapi.url}/_health`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const imgSrc = policy.split(';').find((directive) => directive.trim().startsWith('img-src')) ?? '';
    expect(imgSrc).toContain(endpoint);
    expect(imgSrc).toContain("'self'");
  });

  it('refuses to start with only some of the S3 values, naming the missing ones', async () => {
    const env = await throwawayEnv(path.join(dir, 'partial'), {
      PORT: '0',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
    });
    const result = await spawnStrapi(env, { timeout: 60_000 });
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toContain('[cms] The environment is not usable');
    expect(result.all).toMatch(/S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PUBLIC_URL: missing/);
  });
});

describe('the site built from a CMS whose media are in the bucket', () => {
  it('fetches the page’s image from the bucket and ships it optimised', async () => {
    // A one-page Jekyll site with a picture: the importer uploads it through Strapi, to the bucket.
    const source = path.join(dir, 'jekyll');
    await mkdir(path.join(source, 'img'), { recursive: true });
    await mkdir(path.join(source, 'modules', 'maps', '_posts'), { recursive: true });
    await writeFile(path.join(source, 'img', 'map.png'), await readFile(picture));
    await writeFile(path.join(source, '_config.yml'), 'title: Maps\n');
    await writeFile(
      path.join(source, 'modules', 'maps', '_posts', '2000-01-01-area.md'),
      '---\ntitle: Area\n---\n\nThe area.\n\n![A map of the area](/img/map.png)\n',
    );
    const summary = await runImport({
      paths: [source],
      dryRun: false,
      publish: true,
      env: strapi.write,
      log: () => undefined,
    });
    expect(summary.failed).toEqual([]);

    const outDir = path.join(dir, 'release');
    await mkdir(outDir);
    const builder = new WarmSiteBuilder({
      PATH: process.env.PATH,
      ...strapi.read,
      S3_PUBLIC_URL: `${endpoint}/${BUCKET}`,
    });
    try {
      await builder.build({ outDir, reuseFrom: null });
    } finally {
      builder.stop();
    }
    const page = await readBuiltPage(outDir, 'modules/maps/area');
    const image = page.all('main img')[0];
    const src = String(image?.properties.src);
    expect(src).toMatch(/^\/_astro\/.+\.webp$/);
    expect(existsSync(path.join(outDir, src))).toBe(true);
    expect(String(image?.properties.alt)).toBe('A map of the area');
  });
});
