import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './helpers/browser.js';
import { tabThroughFocusStops } from './helpers/focus-styles.js';
import { siteUrl } from './helpers/site.js';
import { TEST_PAGES } from './helpers/test-pages.js';

afterAll(closeBrowser);

describe.each([320, 390])('at %i px', (width) => {
  it.each(TEST_PAGES)('the $name does not scroll sideways', async (testPage) => {
    const { page, close } = await openPage({ width, height: 740 });
    try {
      await page.goto(`${siteUrl()}${testPage.path}`);
      const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
        const root = document.documentElement;
        // The element reaching furthest right names the culprit in the failure message.
        let widest = '';
        let right = 0;
        for (const element of document.body.querySelectorAll('*')) {
          const box = element.getBoundingClientRect();
          if (box.right > right) {
            right = box.right;
            widest = `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> reaching ${String(Math.round(box.right))} px`;
          }
        }
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
      });
      expect(scrollWidth, `${testPage.path}: widest element ${widest}`).toBeLessThanOrEqual(clientWidth);
    } finally {
      await close();
    }
  });
});

describe('keyboard', () => {
  it.each(TEST_PAGES)(
    'on the $name, the skip link is the first Tab stop, visible, and moves focus to main',
    async (testPage) => {
      const { page, close } = await openPage();
      try {
        await page.goto(`${siteUrl()}${testPage.path}`);
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const element = document.activeElement;
          if (!(element instanceof HTMLAnchorElement)) return null;
          const box = element.getBoundingClientRect();
          const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          const css = getComputedStyle(element);
          return {
            text: element.textContent.trim(),
            href: element.getAttribute('href') ?? '',
            // Visible: on screen, not transparent, and not covered by another element.
            visible:
              box.width > 1 &&
              box.height > 1 &&
              box.top >= 0 &&
              box.left >= 0 &&
              box.right <= window.innerWidth &&
              css.visibility === 'visible' &&
              Number(css.opacity) > 0 &&
              atCentre !== null &&
              element.contains(atCentre),
          };
        });
        expect(first, 'the first Tab stop is not a link').not.toBeNull();
        expect(first?.text).toMatch(/skip/i);
        expect(first?.href.startsWith('#'), `skip link href ${first?.href ?? ''}`).toBe(true);
        expect(first?.visible, 'the focused skip link is not visible').toBe(true);
        await page.keyboard.press('Enter');
        const focus = await page.evaluate(() => {
          const main = document.querySelector('main');
          const active = document.activeElement;
          const name = active ? `<${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}>` : 'nothing';
          return { inMain: main !== null && active !== null && main.contains(active), name };
        });
        // A target without tabindex="-1" only moves where the next Tab starts, not focus itself.
        expect(focus.inMain, `after the skip link, focus is on ${focus.name}, not in <main>`).toBe(true);
      } finally {
        await close();
      }
    },
  );

  describe.each([1280, 390])('at %i px', (width) => {
    it.each(TEST_PAGES)('every Tab stop on the $name shows a focus indicator', async (testPage) => {
      const { page, close } = await openPage({ width });
      try {
        await page.goto(`${siteUrl()}${testPage.path}`);
        const stops = await tabThroughFocusStops(page);
        expect(stops.length, 'no element took keyboard focus').toBeGreaterThan(0);
        const unmarked = stops.filter((stop) => !stop.indicated).map((stop) => stop.label);
        expect(unmarked, `${testPage.path}: focused elements that look the same as unfocused`).toEqual([]);
      } finally {
        await close();
      }
    });
  });
});

describe('with JavaScript disabled', () => {
  it.each(TEST_PAGES)('the $name shows its main content', async (testPage) => {
    const { page, close } = await openPage({ javaScriptEnabled: false });
    try {
      const response = await page.goto(`${siteUrl()}${testPage.path}`);
      expect(response?.status()).toBe(testPage.status);
      const main = page.locator('main');
      await expect(main.locator('h1').count()).resolves.toBe(1);
      await expect(main.innerText()).resolves.toContain(testPage.mainText);
    } finally {
      await close();
    }
  });
});
