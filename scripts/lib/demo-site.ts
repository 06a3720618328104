import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildStatusSchema, type RebuildStatus } from '@lm/shared';
import { runImport } from '../import/run-import.js';
import { runRebuilder } from '../rebuilder/run-rebuilder.js';
import { freePort } from './free-port.js';
import { startSiteServer } from './site-server.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from './throwaway-strapi.js';

/** The demo module's Markdown pages (`npm start` imports the same ones). */
export const demoContentDir = fileURLToPath(new URL('../start/demo', import.meta.url));

export interface DemoSiteOptions {
  /** More Markdown files or folders to import beside the demo module. */
  extraContent?: string[];
  /** Progress lines; errors of the rebuild service and the site server go here too. */
  log?: (line: string) => void;
  /** Longest wait for the first release, in ms. */
  firstReleaseTimeoutMs?: number;
  /** More variables for Strapi (the browser tests serve its admin panel and point it at a preview server). */
  strapiEnv?: Record<string, string>;
}

/** A running demo site: Strapi, the rebuild service and the static server, as production runs them. */
export interface DemoSite {
  /** Base URL of the live site, e.g. http://127.0.0.1:41234. */
  siteUrl: string;
  /** Base URL of the rebuild service's HTTP API (/status, /hooks/strapi). */
  rebuilderUrl: string;
  /** The secret webhook deliveries must carry. */
  webhookSecret: string;
  strapi: ThrowawayStrapi;
  /** Stops everything and removes the temporary folders. Safe to call twice. */
  stop: () => Promise<void>;
}

/** Compiles the CMS for `strapi start` (see ensure-cms-compiled.ts); here for the callers that start the demo site. */
export { compileCms } from './ensure-cms-compiled.js';

/**
 * Starts the demo site end to end: a throwaway Strapi (compiled beforehand, see {@link compileCms})
 * with the demo module and `extraContent` imported and published, the real rebuild service
 * (webhooks from that Strapi reach it) and the real static server on its releases, and waits until
 * the first release is live. Used by the browser tests and `npm run audit:site`.
 */
export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const log = options.log ?? (() => undefined);
  const rebuildPort = await freePort();
  const webhookSecret = randomBytes(24).toString('base64url');
  const strapi = await startThrowawayStrapi({
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${String(rebuildPort)}/hooks/strapi`,
    REBUILD_WEBHOOK_SECRET: webhookSecret,
    ...options.strapiEnv,
  });
  const releasesDir = await mkdtemp(path.join(tmpdir(), 'lm-demo-releases-'));
  const stoppers: Array<() => Promise<void>> = [
    () => rm(releasesDir, { recursive: true, force: true }),
    () => strapi.stop(),
  ];
  const stopAll = async (): Promise<void> => {
    // Last started, first stopped: the rebuild service must not build while Strapi goes away.
    for (const stop of stoppers.splice(0)) await stop();
  };
  try {
    await importContent(strapi, [demoContentDir, ...(options.extraContent ?? [])], log);
    const rebuilder = await runRebuilder({
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...strapi.read,
        REBUILD_WEBHOOK_SECRET: webhookSecret,
        REBUILD_HOST: '127.0.0.1',
        REBUILD_PORT: String(rebuildPort),
        SITE_PORT: '0',
        RELEASES_DIR: releasesDir,
        // Short quiet time, so a test's publish goes live soon; no polling: webhooks trigger builds.
        REBUILD_DEBOUNCE_MS: '200',
        REBUILD_MAX_WAIT_MS: '2000',
        RECONCILE_INTERVAL_MS: '0',
      },
      logger: {
        info: () => undefined,
        error: (message) => {
          log(`[rebuild] ${message}`);
        },
      },
    });
    stoppers.unshift(() => rebuilder.stop());
    const site = await startSiteServer({
      releasesDir,
      host: '127.0.0.1',
      port: 0,
      logError: (message) => {
        log(`[site] ${message}`);
      },
    });
    stoppers.unshift(() => site.stop());
    log('[demo-site] waiting for the first release…');
    await waitForFirstRelease(rebuilder.apiUrl, options.firstReleaseTimeoutMs ?? 600_000);
    let stopping: Promise<void> | null = null;
    return {
      siteUrl: site.url,
      rebuilderUrl: rebuilder.apiUrl,
      webhookSecret,
      strapi,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    const output = strapi.output().slice(-4000);
    await stopAll();
    throw new Error(`[demo-site] the demo site did not start; Strapi's last output:\n${output}`, { cause: error });
  }
}

/** Imports and publishes `paths`, failing with every file the importer refused. */
async function importContent(strapi: ThrowawayStrapi, paths: string[], log: (line: string) => void): Promise<void> {
  log(`[demo-site] importing ${paths.join(', ')}…`);
  const summary = await runImport({ paths, publish: true, dryRun: false, env: strapi.write, log: () => undefined });
  if (summary.failed.length > 0) {
    const failures = summary.failed.map((failure) => `${failure.file}: ${failure.message}`).join('\n');
    throw new Error(`[demo-site] the import failed:\n${failures}`);
  }
}

/** GET /status of the rebuild service, parsed. */
export async function fetchStatus(apiUrl: string): Promise<RebuildStatus> {
  const response = await fetch(`${apiUrl}/status`);
  if (!response.ok) throw new Error(`[demo-site] GET ${apiUrl}/status answered ${String(response.status)}`);
  return rebuildStatusSchema.parse(await response.json());
}

/** Polls /status until a release is live and nothing builds; fails at once when a build failed. */
async function waitForFirstRelease(apiUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetchStatus(apiUrl);
    if (status.live && !status.running && !status.queued) return;
    const failed = status.history.find((entry) => entry.result === 'failed');
    if (failed) throw new Error(`[demo-site] the first build failed: ${failed.error ?? 'no reason given'}`);
    if (Date.now() > deadline) throw new Error(`[demo-site] no release went live within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
