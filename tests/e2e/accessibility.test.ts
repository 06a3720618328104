import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from './helpers/axe.js';
import { closeBrowser, openPage } from './helpers/browser.js';
import { siteUrl } from './helpers/site.js';
import { TEST_PAGES } from './helpers/test-pages.js';

afterAll(closeBrowser);

/** A desktop and a phone width, each in the light and the dark colour scheme. */
const SCHEMES: Array<'light' | 'dark'> = ['light', 'dark'];
const VIEWS = [1280, 390].flatMap((width) => SCHEMES.map((colorScheme) => ({ width, colorScheme })));

describe.each(VIEWS)('WCAG 2.1 A/AA at $width px, $colorScheme', ({ width, colorScheme }) => {
  it.each(TEST_PAGES)('axe finds no violations on the $name', async (testPage) => {
    const { page, close } = await openPage({ width, colorScheme });
    try {
      const response = await page.goto(`${siteUrl()}${testPage.path}`);
      expect(response?.status(), testPage.path).toBe(testPage.status);
      const violations = await axeViolations(page);
      expect(
        violations,
        formatViolations(violations, `${testPage.path} at ${String(width)} px, ${colorScheme}`),
      ).toEqual([]);
    } finally {
      await close();
    }
  });
});
