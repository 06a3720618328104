import { chromium, type Browser, type Page } from 'playwright-core';

/** What a learner sees on the search page after a search: the status line and each result. */
export interface SearchView {
  status: string;
  results: Array<{ title: string; href: string; trail: string; excerpt: string }>;
}

/**
 * Chromium, with the site's own Content-Security-Policy except that inline scripts may run: Astro
 * starts islands with an inline script, which the static server's `script-src 'self'` blocks
 * until the site allows it by hash (another change). Everything else, `'wasm-unsafe-eval'` for
 * Pagefind included, is the server's policy as it is.
 */
export async function openSearchBrowser(): Promise<{ page: Page; browser: Browser; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    const policy = headers['content-security-policy'];
    if (policy !== undefined) {
      headers['content-security-policy'] = policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
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
  const results = await page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('a')?.textContent ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      trail: item.querySelector('.search-trail')?.textContent?.trim() ?? '',
      excerpt: item.querySelector('.search-excerpt')?.textContent ?? '',
    })),
  );
  return { status: (await page.getByRole('status').textContent()) ?? '', results };
}
