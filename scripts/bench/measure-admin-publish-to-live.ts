import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

/** The admin login of the editor who publishes, and the pages to publish an edit to. */
export interface AdminPublishOptions {
  strapiUrl: string;
  login: { email: string; password: string };
  documentIds: string[];
  /** Longest wait for "Live" after one click, in ms. */
  timeoutMs?: number;
}

/** The Chromium the browser tests use: CHROMIUM_PATH, or the Debian package's. */
const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Chromium is installed, so the admin measurement can run. */
export const chromiumAvailable = (): boolean => existsSync(chromiumPath());

const words = async (page: Page): Promise<string> =>
  (await page.getByTestId('publish-status').innerText()).replace(/\s+/g, ' ').trim();

/**
 * What an editor waits for in the admin: for each page, changes its title in the edit form, clicks
 * Publish and measures until the side panel says "Live on the site since" again, having first
 * left that state (the panel said "Live" before the click too). Sequential, like an editor. The
 * panel asks every PUBLISH_STATUS_POLL_MS, so each figure includes up to one poll interval.
 */
export async function measureAdminPublishToLive(options: AdminPublishOptions): Promise<number[]> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${options.strapiUrl}/admin/auth/login`);
    await page.getByLabel('Email').fill(options.login.email, { timeout: 120_000 });
    await page.getByLabel('Password').fill(options.login.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 });

    const latencies: number[] = [];
    for (const [index, documentId] of options.documentIds.entries()) {
      await page.goto(`${options.strapiUrl}/admin/content-manager/collection-types/api::page.page/${documentId}`);
      await page.getByTestId('publish-status').waitFor({ timeout: 60_000 });
      await page
        .getByRole('textbox', { name: 'Title' })
        .fill(`Admin bench edit ${String(index + 1)} ${Date.now().toString(36)}`);
      const publish = page.getByRole('button', { name: 'Publish', exact: true });
      const started = performance.now();
      await publish.click();
      let leftLive = false;
      for (;;) {
        const live = (await words(page)).startsWith('Live on the site since');
        if (!live) leftLive = true;
        if (live && leftLive) break;
        if (performance.now() - started > timeoutMs) {
          throw new Error(
            `[bench] The admin's side panel did not say "Live" within ${String(timeoutMs / 1000)} s of publishing page ${documentId}; it says: ${await words(page)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      latencies.push(performance.now() - started);
    }
    return latencies;
  } finally {
    await browser.close();
  }
}
