import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, collectedErrors, openPage } from './helpers/browser.js';
import { siteUrl } from './helpers/site.js';
import { TEST_PAGES } from './helpers/test-pages.js';

afterAll(closeBrowser);

describe('page errors', () => {
  // The 404 page answers 404 by design, which Chromium logs as a failed load of the page itself.
  const pages = TEST_PAGES.filter((testPage) => testPage.status === 200);

  it.each(pages)('the $name loads without console errors or CSP violations', async (testPage) => {
    const { page, close } = await openPage();
    try {
      await page.goto(`${siteUrl()}${testPage.path}`, { waitUntil: 'networkidle' });
      expect(collectedErrors(page), testPage.path).toEqual([]);
    } finally {
      await close();
    }
  });
});
