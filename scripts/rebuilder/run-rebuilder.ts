import { createServer } from 'node:http';
import { WarmSiteBuilder } from '../lib/warm-site-builder.js';
import { repoRoot } from '../lib/paths.js';
import { postgresConnectionOf } from '@lm/shared';
import { astroBuildRunner } from './astro-build-runner.js';
import { postgresBuildLock } from './build-lock.js';
import type { BuildRunner } from './build-runner.js';
import type { ContentReader } from './content-reader.js';
import { createRebuilderHandler } from './http/rebuilder-handler.js';
import { close, listen } from '../lib/listen.js';
import { urlHost } from '../lib/site-server.js';
import { createLogger, type Logger } from './logger.js';
import { parseRebuilderConfig, type RebuilderConfig } from './rebuilder-config.js';
import { webServerReload } from './web-server-reload.js';
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
  /** Aborts a running build, stops polling and closes the API server. Safe to call twice. */
  stop: () => Promise<void>;
}

/**
 * Starts the rebuild service: parses the configuration (failing with the variable's name), removes
 * what a killed run left, serves the webhook API on REBUILD_PORT, then checks Strapi in the
 * background and builds when needed. It does not serve the site: the site server does
 * (scripts/site-server), in a process of its own, so no build or webhook problem can take it down.
 */
export async function runRebuilder(options: RunRebuilderOptions): Promise<RunningRebuilder> {
  const config = parseRebuilderConfig(options.env, repoRoot);
  const logger = options.logger ?? createLogger();
  const store = new ReleaseStore(config.RELEASES_DIR, config.RELEASES_KEEP);
  const builder = new WarmSiteBuilder(options.env);
  // On SQLite the CMS runs on one machine, and so does its one rebuild service: nothing to share a
  // lock with. On PostgreSQL a standby service may run elsewhere, so builds take turns there.
  const connection = postgresConnectionOf(config);
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
    ...(connection === null ? {} : { lock: postgresBuildLock(connection, logger) }),
    ...(config.WEB_SERVER_RELOAD === undefined
      ? {}
      : { afterSwap: webServerReload(config.WEB_SERVER_RELOAD, config.RELEASES_DIR) }),
  });
  const api = createServer(createRebuilderHandler({ service, secret: config.REBUILD_WEBHOOK_SECRET, logger }));
  const host = config.REBUILD_HOST;
  const stopServers = (): Promise<void> => {
    builder.stop();
    return close(api);
  };

  try {
    // Clean up before listening, so no delivery starts a build beside what a killed run left.
    await service.start();
    const apiPort = await listen(api, host, config.REBUILD_PORT, 'REBUILD_PORT');
    const apiUrl = `http://${urlHost(host)}:${apiPort}`;
    logger.info(`Webhook API on ${apiUrl} (POST /hooks/strapi, GET /status).`);
    let stopping: Promise<void> | null = null;
    return {
      config,
      service,
      apiUrl,
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
