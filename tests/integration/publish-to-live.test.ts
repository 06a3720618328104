import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RebuildStatus } from '@lm/shared';
import { runImport } from '../../scripts/import/run-import.js';
import { listDocuments, strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { runRebuilder, type RunningRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';
import { adminSession } from '../helpers/admin-session.js';
import { fetchRebuildStatus } from '../helpers/fetch-rebuild-status.js';
import { fetchPage, pollUntil } from '../helpers/poll.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');

let strapi: ThrowawayStrapi;
let rebuilder: RunningRebuilder;
let site: RunningSiteServer;
let releasesDir: string;
let sectionId: string;
let admin: (method: string, path: string) => Promise<number>;

const status = (): Promise<RebuildStatus> => fetchRebuildStatus(rebuilder.apiUrl);

/** Waits until the service is idle (nothing running or queued) and returns its status. */
const idle = (): Promise<RebuildStatus> =>
  pollUntil('the rebuild service to be idle', async () => {
    const current = await status();
    return current.running === null && !current.queued ? current : undefined;
  });

const pageUrl = (slug: string): string => `${site.url}/modules/partnerships/${slug}/`;

/** Page numbers must be unique in their section (a course check), so each new page takes the next. */
let nextPageNumber = 50;

async function createPage(slug: string, title: string, status: 'draft' | 'published'): Promise<string> {
  nextPageNumber += 1;
  const body = await strapiRequest(strapi.write, 'POST', `/api/pages?status=${status}`, {
    data: {
      number: `2.${String(nextPageNumber)}`,
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
  });
  return z.object({ data: z.object({ documentId: z.string() }) }).parse(body).data.documentId;
}

beforeAll(async () => {
  const [rebuildPort, sitePort] = [await freePort(), await freePort()];
  const secret = randomBytes(24).toString('base64url');
  strapi = await startThrowawayStrapi({
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${String(rebuildPort)}/hooks/strapi`,
    REBUILD_WEBHOOK_SECRET: secret,
  });
  await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: () => undefined });
  const [section] = await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' }));
  sectionId = z.object({ documentId: z.string() }).parse(section).documentId;
  admin = await adminSession(strapi);

  releasesDir = await tempDir('releases');
  rebuilder = await runRebuilder({
    env: {
      PATH: process.env.PATH,
      ...strapi.read,
      REBUILD_WEBHOOK_SECRET: secret,
      REBUILD_PORT: String(rebuildPort),
      SITE_PORT: String(sitePort),
      RELEASES_DIR: releasesDir,
      REBUILD_DEBOUNCE_MS: '300',
      REBUILD_MAX_WAIT_MS: '3000',
      // Webhooks only: the test proves that each change arrives without the reconcile poll.
      RECONCILE_INTERVAL_MS: '0',
    },
    logger: { info: () => undefined, error: () => undefined },
  });
  site = await startSiteServer({ releasesDir, host: '127.0.0.1', port: sitePort });
  await pollUntil('the first release', async () => ((await status()).live ? true : undefined), 120_000);
});

afterAll(async () => {
  await rebuilder.stop();
  await site.stop();
  await strapi.stop();
  await rm(releasesDir, { recursive: true, force: true });
});

describe('publishing in Strapi updates the live site', () => {
  it('serves the imported page from the first release', async () => {
    const page = await fetchPage(pageUrl('two-zero'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('IS THIS A GOOD PARTNERSHIP OPPORTUNITY?');
  });

  it('shows a page once it is published', async () => {
    expect((await fetchPage(pageUrl('fresh-page'))).status).toBe(404);
    await createPage('fresh-page', 'Freshly Published', 'published');
    const page = await pollUntil('the published page', async () => {
      const current = await fetchPage(pageUrl('fresh-page'));
      return current.status === 200 ? current : undefined;
    });
    expect(page.body).toContain('Freshly Published');
  });

  it('changes nothing live on a draft save', async () => {
    const before = await idle();
    const id = await createPage('draft-only', 'Draft Only', 'draft');
    await strapiRequest(strapi.write, 'PUT', `/api/pages/${id}?status=draft`, { data: { title: 'Still a draft' } });
    // The service lists each delivery with its decision, so the test waits for the draft save to
    // arrive rather than for a build that should never come.
    const ofDraft = await pollUntil('the draft saves to reach the rebuild service', async () => {
      const deliveries = (await status()).deliveries.filter((delivery) => delivery.documentId === id);
      return deliveries.length >= 2 ? deliveries : undefined;
    });
    expect(ofDraft.map((delivery) => delivery.event).sort()).toEqual(['entry.create', 'entry.update']);
    expect(ofDraft.every((delivery) => !delivery.rebuild && delivery.reason?.includes('draft save'))).toBe(true);
    const after = await status();
    expect(after.running).toBeNull();
    expect(after.queued).toBe(false);
    expect(after.history.length).toBe(before.history.length);
    expect(after.live?.id).toBe(before.live?.id);
    expect((await fetchPage(pageUrl('draft-only'))).status).toBe(404);
  });

  it('removes a page once it is unpublished', async () => {
    const id = await createPage('to-unpublish', 'Soon Unpublished', 'published');
    await pollUntil('the page to appear', async () =>
      (await fetchPage(pageUrl('to-unpublish'))).status === 200 ? true : undefined,
    );
    expect(await admin('POST', `/content-manager/collection-types/api::page.page/${id}/actions/unpublish`)).toBe(200);
    await pollUntil('the page to be gone', async () =>
      (await fetchPage(pageUrl('to-unpublish'))).status === 404 ? true : undefined,
    );
  });

  it('removes a page once it is deleted', async () => {
    const id = await createPage('to-delete', 'Soon Deleted', 'published');
    await pollUntil('the page to appear', async () =>
      (await fetchPage(pageUrl('to-delete'))).status === 200 ? true : undefined,
    );
    await strapiRequest(strapi.write, 'DELETE', `/api/pages/${id}`);
    const gone = await pollUntil('the page to be gone', async () => {
      const current = await fetchPage(pageUrl('to-delete'));
      return current.status === 404 ? current : undefined;
    });
    expect(gone.body).toContain('Page not found');
  });

  it('records each build with its trigger in /status', async () => {
    const current = await idle();
    expect(current.history.length).toBeGreaterThanOrEqual(5);
    expect(current.history.every((build) => build.result === 'success')).toBe(true);
    // Oldest last: the first release, then one per change the tests above published.
    const triggers = current.history.map((build) => build.trigger);
    expect(triggers.at(-1)).toBe('reconcile (startup): nothing is live yet');
    for (const trigger of triggers.slice(0, -1)) {
      expect(trigger).toMatch(/^entry\.(publish|unpublish|delete) api::page\.page$/);
    }
    expect(triggers).toContain('entry.publish api::page.page');
    expect(triggers).toContain('entry.unpublish api::page.page');
  });
});
