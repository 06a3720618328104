import { chromium, type Browser, type Page } from 'playwright-core';

/** What a learner sees on the search page after a search: the status line and each result. */
export interface SearchView {
  status: string;
  results: Array<{ title: string; href: string; trail: string; excerpt: string }>;
}

/**
 * Astro's own inline style for islands (`ISLAND_STYLES` in astro/dist/runtime/server/
 * astro-island-styles.js), by its hash.
 */
const ISLAND_STYLE_HASH = "'sha256-vv9IoKo7BSLbWcUHr3tNmfNVmm5L/9Cfn2H6LMk7/ow='";

/**
 * Chromium, with the site's own Content-Security-Policy except for what Astro's islands put
 * inline: the script that starts them and their one style rule, which the static server's policy
 * blocks until the site allows them (another change). Everything else, `'wasm-unsafe-eval'` for
 * Pagefind included, is the server's policy as it is, and the page's errors are collected.
 */
export async function openSearchBrowser(): Promise<{ page: Page; browser: Browser; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    const policy = headers['content-security-policy'];
    if (policy !== undefined) {
      headers['content-security-policy'] = policy
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", `style-src 'self' ${ISLAND_STYLE_HASH}`);
    }
    await route.fulfill({ response, headers });
  });
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
