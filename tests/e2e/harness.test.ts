import { afterAll, describe, expect, it } from 'vitest';
import { moduleUrl, pageUrl } from '@lm/shared';
import { fetchStatus } from '../../scripts/lib/demo-site.js';
import { axeViolations } from './helpers/axe.js';
import { closeBrowser, collectedErrors, openPage } from './helpers/browser.js';
import { rebuildAndWaitLive, rebuilderUrl, siteUrl } from './helpers/site.js';

afterAll(closeBrowser);

describe('the e2e harness', () => {
  it('serves both modules, the test module with its one-page word', async () => {
    const { page, close } = await openPage();
    try {
      await page.goto(`${siteUrl()}${moduleUrl('partnerships')}`);
      await expect(page.locator('main').innerText()).resolves.toContain('Community Partnerships');
      const response = await page.goto(`${siteUrl()}${pageUrl('reading-circles', 'two-zero')}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('main').innerText()).resolves.toContain('marginalia');
    } finally {
      await close();
    }
  });

  it('a forced rebuild puts a new release live', async () => {
    const before = (await fetchStatus(rebuilderUrl())).live?.id;
    await rebuildAndWaitLive();
    const after = (await fetchStatus(rebuilderUrl())).live?.id;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const home = await fetch(`${siteUrl()}/`);
    expect(home.status).toBe(200);
  });

  it('collects the CSP violation of an inline script the site did not ship', async () => {
    const { page, close } = await openPage();
    try {
      await page.goto(`${siteUrl()}/`);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "injected"';
        document.body.append(script);
      });
      await expect.poll(() => collectedErrors(page).some((line) => line.startsWith('csp: script-src'))).toBe(true);
      await expect(page.title()).resolves.not.toBe('injected');
    } finally {
      await close();
    }
  });

  it('axe reports an image without a text alternative', async () => {
    const { page, close } = await openPage();
    try {
      await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>');
      const violations = await axeViolations(page);
      expect(violations.map((violation) => violation.id)).toContain('image-alt');
    } finally {
      await close();
    }
  });
});
