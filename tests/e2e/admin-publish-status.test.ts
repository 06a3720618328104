import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Locator, Page } from 'playwright-core';
import { runImport } from '../../scripts/import/run-import.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { createDocument, listDocuments, publishDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { runRebuilder, type RunningRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';
import { createStrapiContentReader } from '../../scripts/rebuilder/strapi-content-reader.js';
import { FakeBuilds, FakeContent, gate } from '../helpers/fake-rebuild.js';
import { pollUntil } from '../helpers/poll.js';
import { SECRET } from '../helpers/rebuilder-webhook.js';
import { tempDir } from '../helpers/temp-dir.js';
import { closeBrowser, collectedErrors, openPage, type OpenedPage } from './helpers/browser.js';

/**
 * What an editor sees of publishing in the Strapi admin: the edit view's side panel and the
 * homepage widget, in Chromium, against a real Strapi serving its built admin (`npx strapi build`
 * in cms/ first) and the real rebuild service, whose build is a small stand-in that can be held.
 * Screenshots go to SCREENSHOT_DIR when it is set, for a person to look at.
 */

const fixture = path.resolve('tests/fixtures/jekyll/partnerships-two-zero.md');
const SITE_URL = 'http://site.example';
const screenshotDir = process.env.SCREENSHOT_DIR;

let strapi: ThrowawayStrapi;
let rebuilder: RunningRebuilder;
let releasesDir: string;
let pageId: string;
let sectionId: string;
let opened: OpenedPage;
const builds = new FakeBuilds();

/** The words on screen, however the panel wraps them. */
const text = (shown: string): string => shown.replace(/\s+/g, ' ').trim();

/** Saves what the page shows, scrolled to `focus` (the home page scrolls inside its own pane). */
async function screenshot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (!screenshotDir) return;
  await focus?.scrollIntoViewIfNeeded();
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  const rebuildPort = await freePort();
  strapi = await startThrowawayStrapi({
    SERVE_ADMIN_PANEL: 'true',
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${String(rebuildPort)}/hooks/strapi`,
    REBUILD_WEBHOOK_SECRET: SECRET,
    SITE_URL,
  });
  await runImport({ paths: [fixture], publish: true, dryRun: false, env: strapi.write, log: () => undefined });
  const [page] = await listDocuments(strapi.write, 'pages', new URLSearchParams({ status: 'draft' }));
  pageId = z.object({ documentId: z.string() }).parse(page).documentId;
  const [section] = await listDocuments(strapi.write, 'sections', new URLSearchParams({ status: 'draft' }));
  sectionId = z.object({ documentId: z.string() }).parse(section).documentId;
  releasesDir = await tempDir('admin-publish-status');
  const strapiReader = createStrapiContentReader({ url: strapi.url, token: strapi.read.STRAPI_READ_TOKEN });
  const fake = new FakeContent();
  rebuilder = await runRebuilder({
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
    // Published content from Strapi (its fingerprint tells the CMS what is live); the release
    // check expects what the stand-in build writes.
    content: { fingerprint: () => strapiReader.fingerprint(), releaseContents: () => fake.releaseContents() },
    logger: { info: () => undefined, error: () => undefined },
  });
  await pollUntil(
    'the first release',
    () => Promise.resolve(rebuilder.service.status().live ? true : undefined),
    60_000,
  );
  await rebuilder.service.whenIdle();

  opened = await openPage({ width: 1440, height: 1000 });
  const { page: browserPage } = opened;
  await browserPage.goto(`${strapi.url}/admin/auth/login`);
  try {
    // The admin bundle is large; on a busy machine its first load takes a while.
    await browserPage.locator('input[name="email"]').fill(strapi.env.ADMIN_EMAIL ?? '', { timeout: 120_000 });
    await browserPage.locator('input[name="password"]').fill(strapi.env.ADMIN_PASSWORD ?? '');
    await browserPage.getByRole('button', { name: 'Login' }).click();
    await browserPage.waitForURL(/\/admin\/?$/, { timeout: 60_000 });
  } catch (error) {
    await screenshot(browserPage, 'admin-login-failed');
    throw new Error(`[e2e] Cannot log into the admin; errors on the page: ${collectedErrors(browserPage).join('\n')}`, {
      cause: error,
    });
  }
});

afterAll(async () => {
  await opened.close();
  await closeBrowser();
  await rebuilder.stop();
  await strapi.stop();
  await rm(releasesDir, { recursive: true, force: true });
});

describe('publish status in the admin', () => {
  it('shows the live site and the latest builds on the homepage', async () => {
    const { page } = opened;
    const widget = page.getByTestId('publish-overview');
    await widget.waitFor({ timeout: 60_000 });
    await expect.poll(() => widget.innerText()).toMatch(/Live since \d\d:\d\d · \d+ pages/);
    // The heading is styled in capitals.
    expect(await widget.innerText()).toMatch(/Latest builds/i);
    await screenshot(page, 'admin-home-widget', widget);
  });

  it('says on the page’s edit view that it is live, with a link to its public page', async () => {
    const { page } = opened;
    await page.goto(`${strapi.url}/admin/content-manager/collection-types/api::page.page/${pageId}`);
    const panel = page.getByTestId('publish-status');
    await panel.waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => text(await panel.innerText()))
      .toMatch(/Live on the site since \d\d:\d\d · View live page/);
    const link = panel.getByRole('link', { name: /View live page/ });
    expect(await link.getAttribute('href')).toBe(`${SITE_URL}/modules/partnerships/two-zero/`);
    await screenshot(page, 'admin-panel-live');
  });

  it('follows a publish while the site builds, then says it is live again', async () => {
    const { page } = opened;
    const held = gate();
    builds.hold = held;
    await publishDocument(strapi.write, 'pages', pageId);
    await page.reload();
    const panel = page.getByTestId('publish-status');
    // The panel polls while publishing, so no reload is needed from here on.
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toMatch(/Publishing… \((queued|building, \d+ s)\)/);
    await pollUntil('the build to run', () => Promise.resolve(rebuilder.service.status().running ? true : undefined));
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toMatch(/Publishing… \(building, \d+ s\)/);
    await screenshot(page, 'admin-panel-building');
    held.open();
    builds.hold = null;
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toMatch(/Live on the site since/);
  });

  it('says "Draft only" for a page never published', async () => {
    const { page } = opened;
    const draftId = await createDocument(
      strapi.write,
      'pages',
      { number: '2.9', title: 'Not Yet', slug: 'not-yet', section: sectionId },
      'draft',
    );
    await page.goto(`${strapi.url}/admin/content-manager/collection-types/api::page.page/${draftId}`);
    const panel = page.getByTestId('publish-status');
    await panel.waitFor({ timeout: 60_000 });
    await expect.poll(() => panel.innerText()).toBe('Draft only');
  });

  it('says why the page is not live when its build failed, and the widget lists the failure', async () => {
    const { page } = opened;
    builds.failWith = new Error('The site build stopped: a page has no title');
    await publishDocument(strapi.write, 'pages', pageId);
    await page.goto(`${strapi.url}/admin/content-manager/collection-types/api::page.page/${pageId}`);
    const panel = page.getByTestId('publish-status');
    await expect
      .poll(() => panel.innerText(), { timeout: 30_000 })
      .toContain('Not live: the build failed: The site build stopped: a page has no title');
    builds.failWith = null;
    await screenshot(page, 'admin-panel-failed');
    await page.goto(`${strapi.url}/admin`);
    const widget = page.getByTestId('publish-overview');
    await expect.poll(() => widget.innerText(), { timeout: 60_000 }).toContain('Failed · ');
    expect(await widget.innerText()).toContain('Page published: Overview');
    await screenshot(page, 'admin-home-widget-failed', widget);
  });
});
