import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.js';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { runImport } from '../../scripts/import/run-import.js';
import { swapSymlink } from '../../scripts/rebuilder/swap-symlink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { demoIds, ensureSidebarContract, javaScriptLoaded, type DemoIds } from './progress-site.js';

/**
 * The learner's progress islands in a real Chromium, on a real build of the demo module served by
 * the real static server with its Content-Security-Policy.
 */

const demo = path.resolve('scripts/start/demo');
let strapi: ThrowawayStrapi;
let releases: string;
let server: RunningSiteServer;
let browser: Browser;
let ids: DemoIds;
/** Screenshots of the islands, kept after the run for a person to look at. */
const shots = path.join(tmpdir(), 'lm-progress-screenshots');

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const imported = await runImport({ paths: [demo], publish: true, dryRun: false, env: strapi.write, log: () => undefined });
  expect(imported.failed).toEqual([]);
  ids = await demoIds(strapi);
  releases = await tempDir('progress-releases');
  const outDir = path.join(releases, 'r1');
  await buildSite({ outDir, env: { PATH: process.env.PATH, ...strapi.read } });
  await ensureSidebarContract(outDir, ids);
  await swapSymlink(path.join(releases, 'live'), 'r1');
  server = await startSiteServer({ releasesDir: releases, host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser.close();
  await server.stop();
  await strapi.stop();
  await rm(releases, { recursive: true, force: true });
});

/** A fresh browser profile that records every CSP violation and console error of its pages. */
async function learner(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // The site has no favicon (not this feature's concern); Chromium asks for one anyway.
    const from = message.location().url;
    if (message.type() === 'error' && !from.endsWith('/favicon.ico')) problems.push(`console: ${message.text()} (${from})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await context.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  // As text: the tests are typed for Node, without the DOM's types.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample));`,
  });
  return { context, page, problems };
}

const pageUrl = (index: number): string => `${server.url}/modules/${ids.moduleSlug}/${ids.pages[index]?.slug ?? ''}/`;
const moduleUrl = (): string => `${server.url}/modules/${ids.moduleSlug}/`;
const sidebarLink = (page: Page, index: number) => page.locator(`nav[data-module-id] a[data-page-id="${ids.pages[index]?.id ?? ''}"]`);
const firstQuestion = 'Do we have a shared or complementary goal?';

describe('progress in a browser with JavaScript', () => {
  it('marks a page complete, ticks a checklist item, and keeps both across a reload, under the CSP', async () => {
    const { context, page, problems } = await learner();
    await page.goto(pageUrl(0));
    const toggle = page.getByRole('button', { name: 'Mark this page complete' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('.sidebar-progress').innerText()).toBe('0 of 4 pages done');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => sidebarLink(page, 0).innerText()).toContain('✓');
    expect(await sidebarLink(page, 0).locator('.visually-hidden').innerText()).toBe('(completed)');
    expect(await sidebarLink(page, 1).innerText()).not.toContain('completed');
    await expect.poll(() => page.locator('.sidebar-progress').innerText()).toBe('1 of 4 pages done');
    expect(await page.locator('.sidebar-progress progress').getAttribute('value')).toBe('1');

    const question = page.getByRole('checkbox', { name: firstQuestion });
    await question.check();
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: firstQuestion }).isChecked()).toBe(true);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('checkbox').count()).toBe(6);
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'checklist-page.png'), fullPage: true });

    await page.goto(moduleUrl());
    await expect.poll(() => page.locator('.module-progress').innerText()).toBe('1 of 4 pages done');
    const start = page.locator('a.start-link');
    expect(await start.innerText()).toBe('Continue where you left off');
    expect(await start.getAttribute('href')).toBe(`/modules/${ids.moduleSlug}/${ids.pages[1]?.slug ?? ''}/`);
    await page.screenshot({ path: path.join(shots, 'module-home.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('exports progress to a file and restores it after storage is cleared; a bad file is refused', async () => {
    const { context, page, problems } = await learner();
    await page.goto(pageUrl(2));
    await page.getByRole('button', { name: 'Mark this page complete' }).click();
    await page.goto(moduleUrl());
    await expect.poll(() => page.locator('.module-progress').innerText()).toBe('1 of 4 pages done');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my progress' }).click(),
    ]);
    const exported = path.join(releases, 'export.json');
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toMatch(/^learning-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await readFile(exported, 'utf8'))).toMatchObject({ pages: [ids.pages[2]?.id] });

    await page.evaluate('localStorage.clear()');
    await page.reload();
    await expect.poll(() => page.locator('.module-progress').innerText()).toBe('0 of 4 pages done');
    expect(await page.locator('a.start-link').innerText()).toBe('Start the module');

    const chooser = page.getByLabel('Import progress');
    await chooser.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Nothing was imported');
    await chooser.setInputFiles(exported);
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Progress imported: 1 page and 0 checklist items.');
    expect(await page.locator('.module-progress').innerText()).toBe('1 of 4 pages done');
    await page.reload();
    await expect.poll(() => page.locator('.module-progress').innerText()).toBe('1 of 4 pages done');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the JavaScript each page loads', () => {
  it('is none on the site home, and only the islands on module pages', async () => {
    const { context, page } = await learner();
    const home = await javaScriptLoaded(page, `${server.url}/`);
    const moduleHome = await javaScriptLoaded(page, moduleUrl());
    const content = await javaScriptLoaded(page, pageUrl(0));
    // For the report: React and react-dom are most of it (see the branch's report for the figures).
    console.info('[progress] gzip bytes of JS loaded:', { home, moduleHome, content });
    expect(home.files).toBe(0);
    expect(moduleHome.files).toBeGreaterThan(0);
    expect(content.files).toBeGreaterThan(0);
    await context.close();
  });
});

describe('progress in a browser without JavaScript', () => {
  it('shows every page whole, with no progress control that cannot work', async () => {
    const { context, page } = await learner({ javaScriptEnabled: false });
    await page.goto(pageUrl(0));
    expect(await page.locator('main').innerText()).toContain(firstQuestion);
    // The header's search form works without JavaScript (it is a plain GET form); nothing else may show.
    const main = page.locator('main');
    expect(await main.getByRole('button').count()).toBe(0);
    expect(await main.getByRole('checkbox').count()).toBe(0);
    expect(await page.locator('progress').count()).toBe(0);
    await page.goto(moduleUrl());
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    expect(await page.locator('main input, progress').count()).toBe(0);
    expect(await page.locator('a.start-link').innerText()).toBe('Start the module');
    await context.close();
  });
});
