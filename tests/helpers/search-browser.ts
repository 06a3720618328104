import { chromium, type Browser, type Page } from 'playwright-core';

/** What a learner sees on the search page after a search: the status line and each result. */
export interface SearchView {
  status: string;
  results: Array<{ title: string; href: string; trail: string; excerpt: string }>;
}

/**
 * Chromium with the site exactly as served: the static server's Content-Security-Policy (Astro's
 * inline island code allowed by hash, `'wasm-unsafe-eval'` for Pagefind), and the page's errors
 * collected, a blocked script or style among them.
 */
export async function openSearchBrowser(): Promise<{ page: Page; browser: Browser; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, browser, errors };
}

const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Waits until the live status reads `status` (exactly), then reads the results. */
export async function searchView(page: Page, status: string): Promise<SearchView> {
  await page
    .getByRole('status')
    .filter({ hasText: exactly(status) })
    .waitFor();
  const items = page.locator('.search-result');
  const results: SearchView['results'] = [];
  for (let at = 0; at < (await items.count()); at += 1) {
    const item = items.nth(at);
    const link = item.locator('a.search-title');
    const trail = item.locator('.search-trail');
    results.push({
      title: (await link.textContent()) ?? '',
      href: (await link.getAttribute('href')) ?? '',
      trail: (await trail.count()) > 0 ? ((await trail.textContent()) ?? '').trim() : '',
      excerpt: (await item.locator('.search-excerpt').textContent()) ?? '',
    });
  }
  return { status: (await page.getByRole('status').textContent()) ?? '', results };
}
