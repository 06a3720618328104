import { existsSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readLighthouseResult, type RunMeasure } from './read-lighthouse-result.js';

/** Runs Lighthouse on a URL and returns what it measured. */
export type Auditor = (url: string) => Promise<RunMeasure>;

/**
 * Launches one headless Chromium (CHROMIUM_PATH or the Debian package's) and hands `use` a function
 * that runs Lighthouse's default configuration (mobile form factor, simulated throttling) on a URL
 * in it. Chromium is closed when `use` settles.
 */
export async function withLighthouse<T>(use: (audit: Auditor) => Promise<T>): Promise<T> {
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromePath)) {
    throw new Error(
      `[audit] Chromium is not at ${chromePath}: run \`sudo apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  // --no-sandbox: the sandbox cannot start when running as root in a container (CI).
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    return await use(async (url) => {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (!result) throw new Error(`[audit] Lighthouse returned nothing for ${url}`);
      return readLighthouseResult(result.lhr);
    });
  } finally {
    chrome.kill();
  }
}
