import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** How a test page is opened; defaults: 1280×800, JavaScript on, light, no reduced motion. */
export interface OpenPageOptions {
  width?: number;
  height?: number;
  javaScriptEnabled?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'light' | 'dark';
}

/** A fresh page in its own context; `close` closes both. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** The Chromium binary: CHROMIUM_PATH, or the Debian package's. */
const executablePath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Promise<Browser> | null = null;
const errors = new WeakMap<Page, string[]>();

/** Launches Chromium once per test file (lazily), with a clear message when it is not installed. */
function launchBrowser(): Promise<Browser> {
  const binary = executablePath();
  if (!existsSync(binary)) {
    throw new Error(
      `[e2e] Chromium is not at ${binary}. Install it with \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  browser ??= chromium
    .launch({ executablePath: binary, headless: true, args: ['--no-sandbox'] })
    .catch((error: unknown) => {
      browser = null;
      throw new Error(`[e2e] Chromium at ${binary} did not start`, { cause: error });
    });
  return browser;
}

/**
 * Opens a new page in a new browser context of the file's shared Chromium. Console errors, uncaught
 * exceptions and Content-Security-Policy violations on that page are collected: read them with
 * {@link collectedErrors}.
 */
export async function openPage(options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await (
    await launchBrowser()
  ).newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: options.reducedMotion ?? 'no-preference',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const found: string[] = [];
  errors.set(page, found);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // "Failed to load resource" names no URL in its text; the location does.
    const where = message.location().url;
    found.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => {
    found.push(`uncaught: ${error.message}`);
  });
  // Chromium also logs CSP violations to the console; the event names the directive and the source.
  await page.exposeFunction('__reportCspViolation', (line: string) => {
    found.push(`csp: ${line}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report: unknown = Reflect.get(window, '__reportCspViolation');
      if (typeof report === 'function') {
        Reflect.apply(report, undefined, [
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${String(event.lineNumber)})`,
        ]);
      }
    });
  });
  return { page, context, close: () => context.close() };
}

/** Console errors, uncaught exceptions and CSP violations seen on `page` so far. */
export function collectedErrors(page: Page): string[] {
  return [...(errors.get(page) ?? [])];
}

/** Closes the file's Chromium; call it in `afterAll`. */
export async function closeBrowser(): Promise<void> {
  const running = browser;
  browser = null;
  if (running) await (await running).close();
}
