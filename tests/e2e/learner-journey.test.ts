import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { moduleUrl, modulePrintUrl, pageUrl } from '@lm/shared';
import { listDocuments, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { closeBrowser, collectedErrors, openPage } from './helpers/browser.js';
import { publishAndWaitLive, siteUrl, strapiWriteEnv } from './helpers/site.js';

afterAll(closeBrowser);

const at = (path: string): string => `${siteUrl()}${path}`;
/** The demo module's pages in reading order (scripts/start/demo). */
const PAGES = [
  { slug: 'two-zero', title: '2.0 Overview' },
  { slug: 'two-one', title: '2.1' },
  { slug: 'three-zero', title: '3.0 Overview' },
  { slug: 'three-one', title: '3.1 The First Meeting' },
];
const QUESTION = 'Do we have a shared or complementary goal?';
/** Strapi's address and write token, as the test setup provided them. */
const writeEnv = () => z.object({ STRAPI_URL: z.string(), STRAPI_WRITE_TOKEN: z.string() }).parse(strapiWriteEnv());

let twoZero: { documentId: string; title: string };

beforeAll(async () => {
  const [page] = z
    .array(z.object({ documentId: z.string(), title: z.string() }))
    .parse(
      await listDocuments(
        writeEnv(),
        'pages',
        new URLSearchParams({ status: 'published', 'filters[slug][$eq]': 'two-zero', 'fields[0]': 'title' }),
      ),
    );
  if (!page) throw new Error('[e2e] the demo page two-zero is not published');
  twoZero = page;
});

describe('a learner', () => {
  it('moves through the module by the sidebar and the pager, across a section boundary', async () => {
    const { page, close } = await openPage();
    try {
      await page.goto(at(moduleUrl('partnerships')));
      const sidebar = page.getByRole('navigation', { name: 'Module contents' });
      await sidebar.getByRole('link', { name: /^2\.1 / }).click();
      await page.waitForURL(at(pageUrl('partnerships', 'two-one')));
      expect(await sidebar.locator('[aria-current="page"]').innerText()).toMatch(/^2\.1 /);
      expect(await page.locator('main').innerText()).toContain('Section 1 of 2 · Page 2 of 2');

      await page.getByRole('link', { name: /Next/ }).click();
      await page.waitForURL(at(pageUrl('partnerships', 'three-zero')));
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('3.0 Overview');
      expect(await page.locator('main').innerText()).toContain('Section 2 of 2 · Page 1 of 2');
      await page.getByRole('link', { name: /Previous/ }).click();
      await page.waitForURL(at(pageUrl('partnerships', 'two-one')));
      expect(collectedErrors(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('at 390 px without JavaScript, opens the folded module contents and follows a link', async () => {
    const { page, close } = await openPage({ width: 390, height: 800, javaScriptEnabled: false });
    try {
      await page.goto(at(pageUrl('partnerships', 'two-zero')));
      const link = page.getByRole('navigation', { name: 'Module contents' }).getByRole('link', { name: /^3\.1 / });
      expect(await link.isVisible()).toBe(false);
      await page.getByText('Module contents', { exact: true }).click();
      await link.click();
      await page.waitForURL(at(pageUrl('partnerships', 'three-one')));
    } finally {
      await close();
    }
  });

  it('keeps a completed page and a ticked question through a reload and a re-publish of the page', async () => {
    const { page, close } = await openPage();
    try {
      await page.goto(at(pageUrl('partnerships', 'two-zero')));
      await page.getByRole('button', { name: 'Mark this page complete' }).click();
      await page.getByRole('checkbox', { name: QUESTION }).check();
      await expect.poll(() => page.locator('.sidebar-progress').innerText()).toBe('1 of 4 pages done');

      // Publishing gives the page's resource box and its items new ids: progress must not rely on them.
      await publishAndWaitLive(() =>
        updateDocument(writeEnv(), 'pages', twoZero.documentId, { title: 'Overview, revised' }, 'published'),
      );
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('2.0 Overview, revised');
      await expect.poll(() => page.getByRole('checkbox', { name: QUESTION }).isChecked()).toBe(true);
      expect(await page.getByRole('button', { name: 'Mark this page complete' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('.sidebar-progress').innerText()).toBe('1 of 4 pages done');
      const done = page.locator(`nav[data-module-id] a[data-page-id="${twoZero.documentId}"]`);
      expect(await done.innerText()).toContain('(completed)');

      await page.goto(at(moduleUrl('partnerships')));
      await expect.poll(() => page.locator('a.start-link').innerText()).toBe('Continue where you left off');
      expect(await page.locator('a.start-link').getAttribute('href')).toBe(pageUrl('partnerships', 'two-one'));
      expect(collectedErrors(page)).toEqual([]);
    } finally {
      await close();
      await publishAndWaitLive(() =>
        updateDocument(writeEnv(), 'pages', twoZero.documentId, { title: twoZero.title }, 'published'),
      );
    }
  });

  it('prints the whole module from one page: every page in order, without navigation', async () => {
    const { page, close } = await openPage();
    try {
      await page.goto(at(moduleUrl('partnerships')));
      await page.getByRole('link', { name: 'Print the whole module' }).click();
      await page.waitForURL(at(modulePrintUrl('partnerships')));
      const text = await page.locator('main').innerText();
      const positions = PAGES.map(({ title }) => text.indexOf(title));
      expect(positions.every((position) => position >= 0), `${JSON.stringify(positions)} in ${text.slice(0, 300)}`).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text).toContain(QUESTION);

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('search').first().isVisible()).toBe(false);
      expect(await page.locator('.resource-box').first().evaluate((box) => getComputedStyle(box).borderStyle)).not.toBe(
        'none',
      );
    } finally {
      await close();
    }
  });
});
