import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RebuildStatus } from '@lm/shared';
import { startSiteServer, type RunningSiteServer } from '../../scripts/lib/site-server.js';
import { createLogger } from '../../scripts/rebuilder/logger.js';
import { runRebuilder, type RunningRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';
import { FakeBuilds, FakeContent } from './fake-rebuild.js';
import { SECRET, settledStatus } from './rebuilder-webhook.js';

/** The service plus a site server on its releases (the service does not serve the site itself). */
export type StartedRebuilder = RunningRebuilder & { siteUrl: string };

/**
 * The rebuild service over real HTTP on 127.0.0.1 with a fake build and fake content, on a fresh
 * folder per test. Windows are short (debounce 50 ms), so nothing waits long. Call `setUp` before
 * and `tearDown` after each test.
 */
export class RebuilderHarness {
  dir = '';
  builds = new FakeBuilds();
  content = new FakeContent();
  readonly logLines: string[] = [];
  #rebuilder: RunningRebuilder | null = null;
  readonly #sites: RunningSiteServer[] = [];

  async setUp(): Promise<void> {
    this.dir = await mkdtemp(path.join(tmpdir(), 'lm-rebuilder-'));
    this.builds = new FakeBuilds();
    this.content = new FakeContent();
    this.logLines.length = 0;
  }

  async tearDown(): Promise<void> {
    await this.#rebuilder?.stop();
    this.#rebuilder = null;
    await Promise.all(this.#sites.splice(0).map((site) => site.stop()));
    await rm(this.dir, { recursive: true, force: true });
  }

  get releasesDir(): string {
    return path.join(this.dir, 'releases');
  }

  /** Starts the service in this process (the previous one, if any, must be stopped first). */
  async startService(extraEnv: Record<string, string> = {}): Promise<StartedRebuilder> {
    const log = (line: string): void => {
      this.logLines.push(line);
    };
    this.#rebuilder = await runRebuilder({
      env: {
        STRAPI_URL: 'http://127.0.0.1:9',
        STRAPI_READ_TOKEN: 'read-token-'.padEnd(48, 'x'),
        REBUILD_WEBHOOK_SECRET: SECRET,
        REBUILD_HOST: '127.0.0.1',
        REBUILD_PORT: '0',
        SITE_PORT: '0',
        REBUILD_DEBOUNCE_MS: '50',
        REBUILD_MAX_WAIT_MS: '300',
        RECONCILE_INTERVAL_MS: '0',
        RELEASES_DIR: this.releasesDir,
        RELEASES_KEEP: '5',
        ...extraEnv,
      },
      build: this.builds.runner,
      content: this.content,
      logger: createLogger(log, log),
    });
    const site = await startSiteServer({ releasesDir: this.releasesDir, host: '127.0.0.1', port: 0 });
    this.#sites.push(site);
    return { ...this.#rebuilder, siteUrl: site.url };
  }

  /** Starts the service and waits for its first release (nothing is live in a fresh folder). */
  async startLive(): Promise<{ service: StartedRebuilder; status: RebuildStatus }> {
    const service = await this.startService();
    const status = await settledStatus(service.apiUrl, (current) => current.live !== null);
    return { service, status };
  }
}

/** The text of a page of the live site. */
export const siteText = async (siteUrl: string, pathname = '/'): Promise<string> =>
  (await fetch(`${siteUrl}${pathname}`)).text();
