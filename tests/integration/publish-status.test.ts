import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  entryPublishStatusPath,
  entryPublishStatusSchema,
  PUBLISH_STATUS_PATH,
  publishOverviewSchema,
  REBUILD_SERVICE_DOWN,
  type EntryPublishStatus,
} from '@lm/shared';
import { runImport } from '../../scripts/import/run-import.js';
import { freePort } from '../../scripts/lib/free-port.js';
import {
  createDocument,
  listDocuments,
  publishDocument,
  updateDocument,
} from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import type { ContentReader } from '../../scripts/rebuilder/content-reader.js';
import { runRebuilder, type RunningRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';
import { createStrapiContentReader } from '../../scripts/rebuilder/strapi-content-reader.js';
import { FakeBuilds, FakeContent, gate } from '../helpers/fake-rebuild.js';
import { pollUntil } from '../helpers/poll.js';
import { SECRET } from '../helpers/rebuilder-webhook.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The admin's publish status against a real Strapi (on a throwaway database, delivering its real
 * webhook) and the real rebuild service over HTTP. Only the build itself is a stand-in (a small
 * fake site that can be held or failed); the fingerprint the service stores with each release is
 * read from Strapi, as in production, since that is how the CMS tells whether a publish is live.
 */

const PAGE = 'api::page.page';
const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const SITE_URL = 'http://site.example';

let strapi: ThrowawayStrapi;
let rebuilder: RunningRebuilder;
let releasesDir: string;
let rebuildPort: number;
let sectionId: string;
let token: string;
const builds = new FakeBuilds();

/** The published content from Strapi; what a release must hold from the fake build. */
function contentReader(): ContentReader {
  const strapiReader = createStrapiContentReader({ url: strapi.url, token: strapi.read.STRAPI_READ_TOKEN });
  const fake = new FakeContent();
  return { fingerprint: () => strapiReader.fingerprint(), releaseContents: () => fake.releaseContents() };
}

async function startRebuilder(): Promise<RunningRebuilder> {
  return runRebuilder({
    env: {
      PATH: process.env.PATH,
      ...strapi.read,
      REBUILD_WEBHOOK_SECRET: SECRET,
      REBUILD_HOST: '127.0.0.1',
      REBUILD_PORT: String(rebuildPort),
      SITE_PORT: '0',
      RELEASES_DIR: releasesDir,
      REBUILD_DEBOUNCE_MS: '100',
      REBUILD_MAX_WAIT_MS: '1000',
      RECONCILE_INTERVAL_MS: '0',
    },
    build: builds.runner,
    content: contentReader(),
    logger: { info: () => undefined, error: () => undefined },
  });
}

/** GET on the CMS as the logged-in admin (or with no session when `auth` is false). */
async function adminGet(pathname: string, auth = true): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${strapi.url}${pathname}`, {
    headers: auth ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

const entryStatus = async (documentId: string): Promise<EntryPublishStatus> =>
  entryPublishStatusSchema.parse((await adminGet(entryPublishStatusPath(PAGE, documentId))).body);

const waitForState = (documentId: string, state: EntryPublishStatus['site']['state']): Promise<EntryPublishStatus> =>
  pollUntil(`the page to be ${state}`, async () => {
    const current = await entryStatus(documentId);
    return current.site.state === state ? current : undefined;
  });

const createPage = (slug: string, title: string): Promise<string> =>
  createDocument(
    strapi.write,
    'pages',
    {
      number: `2.${String(Math.floor(Math.random() * 90) + 5)}`,
      title,
      slug,
      section: sectionId,
      body: [
        {
          __component: 'content.rich-text',
          content: [{ type: 'paragraph', children: [{ type: 'text', text: `${title} text.` }] }],
        },
      ],
    },
    'draft',
  );

beforeAll(async () => {
  rebuildPort = await freePort();
  strapi = await startThrowawayStrapi({
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${String(rebuildPort)}/hooks/strapi`,
    REBUILD_WEBHOOK_SECRET: SECRET,
    SITE_URL,
  });
  await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: () => undefined });
  const [section] = await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' }));
  sectionId = z.object({ documentId: z.string() }).parse(section).documentId;
  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: strapi.env.ADMIN_EMAIL, password: strapi.env.ADMIN_PASSWORD }),
  });
  token = z.object({ data: z.object({ token: z.string() }) }).parse(await login.json()).data.token;
  releasesDir = await tempDir('publish-status');
  rebuilder = await startRebuilder();
  await pollUntil(
    'the first release',
    () => Promise.resolve(rebuilder.service.status().live ? true : undefined),
    60_000,
  );
  await rebuilder.service.whenIdle();
});

afterAll(async () => {
  await rebuilder.stop();
  await strapi.stop();
  await rm(releasesDir, { recursive: true, force: true });
});

describe('the publish status editors see', () => {
  let pageId: string;

  it('is for admins only', async () => {
    expect((await adminGet(PUBLISH_STATUS_PATH, false)).status).toBe(401);
    expect((await adminGet(entryPublishStatusPath(PAGE, 'x'), false)).status).toBe(401);
    expect((await adminGet(entryPublishStatusPath('plugin::users-permissions.user', 'x'))).status).toBe(400);
    expect((await adminGet(entryPublishStatusPath(PAGE, 'no-such-document'))).status).toBe(404);
  });

  it('says "draft only" for a page never published', async () => {
    pageId = await createPage('status-page', 'Status Page');
    const status = await entryStatus(pageId);
    expect(status).toMatchObject({ publishedAt: null, unpublishedChanges: false, site: { state: 'draft' } });
  });

  it('follows a publish through the build until the page is live, with its public URL', async () => {
    const held = gate();
    builds.hold = held;
    await publishDocument(strapi.write, 'pages', pageId);
    const building = await waitForState(pageId, 'building');
    expect(building.site.state === 'building' && building.site.elapsedMs).toBeGreaterThanOrEqual(0);
    const overview = publishOverviewSchema.parse((await adminGet(PUBLISH_STATUS_PATH)).body);
    expect(overview.service).toMatchObject({ state: 'up', running: { trigger: 'Page published: Status Page' } });

    held.open();
    builds.hold = null;
    const live = await waitForState(pageId, 'live');
    expect(live.site).toMatchObject({ url: `${SITE_URL}/modules/partnerships/status-page/` });
    expect(live.unpublishedChanges).toBe(false);
  });

  it('says the draft has changes the site does not show yet', async () => {
    await updateDocument(strapi.write, 'pages', pageId, { title: 'Status Page, edited' }, 'draft');
    const status = await entryStatus(pageId);
    expect(status).toMatchObject({ unpublishedChanges: true, site: { state: 'live' } });
  });

  it('says the build failed, in plain words, and the widget lists it', async () => {
    builds.failWith = new Error('The site build stopped: a page has no title');
    await publishDocument(strapi.write, 'pages', pageId);
    const failed = await waitForState(pageId, 'failed');
    builds.failWith = null;
    expect(failed.site).toMatchObject({ reason: 'The site build stopped: a page has no title' });
    expect(failed.unpublishedChanges).toBe(false);

    const overview = publishOverviewSchema.parse((await adminGet(PUBLISH_STATUS_PATH)).body);
    if (overview.service.state !== 'up') throw new Error('the rebuild service should answer');
    expect(overview.service.live?.pageCount).toBeGreaterThan(0);
    expect(overview.service.builds[0]).toMatchObject({
      trigger: 'Page published: Status Page, edited',
      result: 'failed',
      error: 'The site build stopped: a page has no title',
    });
    // Builds name an entry by its title now, as editors find it in the content manager.
    expect(overview.service.builds[1]).toMatchObject({
      trigger: 'Page published: Status Page, edited',
      result: 'success',
    });
  });

  it('says the rebuild service is not answering when it is down', async () => {
    await rebuilder.stop();
    try {
      const status = await entryStatus(pageId);
      expect(status.site).toMatchObject({ state: 'unknown' });
      const overview = publishOverviewSchema.parse((await adminGet(PUBLISH_STATUS_PATH)).body);
      expect(overview.service).toMatchObject({ state: 'down' });
      expect(overview.service.state === 'down' && overview.service.reason).toContain(REBUILD_SERVICE_DOWN);
    } finally {
      rebuilder = await startRebuilder();
    }
  });
});
