import { createServer } from 'node:http';
import { WarmSiteBuilder } from '../build-site/warm-site-builder.js';
import { createStaticServer } from '../lib/static-server.js';
import { repoRoot } from '../lib/paths.js';
import { astroBuildRunner } from './astro-build-runner.js';
import type { BuildRunner } from './build-runner.js';
import type { ContentReader } from './content-reader.js';
import { createRebuilderHandler } from './http/rebuilder-handler.js';
import { close, listen } from './listen.js';
import { createLogger, type Logger } from './logger.js';
import { parseRebuilderConfig, type RebuilderConfig } from './rebuilder-config.js';
import { RebuildService } from './rebuild-service.js';
import { ReleaseStore } from './release-store.js';
import { systemScheduler, type Scheduler } from './scheduler.js';
import { createStrapiContentReader } from './strapi-content-reader.js';

export interface RunRebuilderOptions {
  /** The environment to read the configuration from (`.env` merged with the process's). */
  env: Record<string, string | undefined>;
  logger?: Logger;
  /** Replaces `astro build`; tests pass a fake that writes a small site. */
  build?: BuildRunner;
  /** Replaces the GraphQL fingerprint reader; tests pass a fake. */
  content?: ContentReader;
  scheduler?: Scheduler;
}

export interface RunningRebuilder {
  config: RebuilderConfig;
  service: RebuildService;
  /** Base URL of the webhook API, e.g. http://127.0.0.1:4322. */
  apiUrl: string;
  /** Base URL of the live site, e.g. http://127.0.0.1:4321. */
  siteUrl: string;
  /** Aborts a running build, stops polling and closes both servers. Safe to call twice. */
  stop: () => Promise<void>;
}

/**
 * Starts the rebuild service: parses the configuration (failing with the variable's name), removes
 * what a killed run left, serves the live release on SITE_PORT and the webhook API on REBUILD_PORT,
 * then checks Strapi in the background and builds when needed.
 */
export async function runRebuilder(options: RunRebuilderOptions): Promise<RunningRebuilder> {
  const config = parseRebuilderConfig(options.env, repoRoot);
  const logger = options.logger ?? createLogger();
  const store = new ReleaseStore(config.RELEASES_DIR, config.RELEASES_KEEP);
  const builder = new WarmSiteBuilder(options.env);
  const service = new RebuildService({
    store,
    build: options.build ?? astroBuildRunner(builder, logger),
    content: options.content ?? createStrapiContentReader({ url: config.STRAPI_URL, token: config.STRAPI_READ_TOKEN }),
    scheduler: options.scheduler ?? systemScheduler,
    logger,
    debounceMs: config.REBUILD_DEBOUNCE_MS,
    maxWaitMs: config.REBUILD_MAX_WAIT_MS,
    reconcileIntervalMs: config.RECONCILE_INTERVAL_MS,
    buildTimeoutMs: config.REBUILD_TIMEOUT_MS,
  });
  const api = createServer(createRebuilderHandler({ service, secret: config.REBUILD_WEBHOOK_SECRET, logger }));
  const site = createStaticServer(() => store.livePath);
  const host = config.REBUILD_HOST;
  const stopServers = (): Promise<unknown> => {
    builder.stop();
    return Promise.all([close(api), close(site)]);
  };

  try {
    // Clean up before serving, so a partial release is gone before anyone can ask for it.
    await service.start();
    const sitePort = await listen(site, host, config.SITE_PORT, 'SITE_PORT');
    const apiPort = await listen(api, host, config.REBUILD_PORT, 'REBUILD_PORT');
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    const apiUrl = `http://${urlHost}:${apiPort}`;
    const siteUrl = `http://${urlHost}:${sitePort}`;
    logger.info(`Webhook API on ${apiUrl} (POST /hooks/strapi, GET /status); site on ${siteUrl}.`);
    let stopping: Promise<void> | null = null;
    return {
      config,
      service,
      apiUrl,
      siteUrl,
      stop: () => {
        stopping ??= service.stop().then(async () => {
          await stopServers();
          logger.info('Stopped.');
        });
        return stopping;
      },
    };
  } catch (error) {
    await service.stop();
    await stopServers();
    throw error;
  }
}
