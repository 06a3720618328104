import path from 'node:path';
import { close, listen } from './listen.js';
import { createStaticServer } from './static-server.js';

export interface SiteServerOptions {
  /** Absolute RELEASES_DIR: its `live` link is what is served. */
  releasesDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Where unexpected failures are reported (default: stderr). */
  logError?: (message: string) => void;
}

export interface RunningSiteServer {
  /** Base URL of the live site, e.g. http://127.0.0.1:4321. */
  url: string;
  port: number;
  /** Stops listening and closes open connections. Safe to call twice. */
  stop: () => Promise<void>;
}

/** The host to put in a URL: a wildcard interface is reached on the loopback one. */
export const urlHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/**
 * Serves `releasesDir/live` on host:port. It needs no Strapi and no rebuild service: whatever
 * release is live is served at once, and a swap of the link shows from the next request on.
 * Fails, naming SITE_PORT, when the port is taken.
 */
export async function startSiteServer(options: SiteServerOptions): Promise<RunningSiteServer> {
  const live = path.join(options.releasesDir, 'live');
  const server = createStaticServer(() => live, options.logError ? { logError: options.logError } : {});
  const port = await listen(server, options.host, options.port, 'SITE_PORT', '[site]');
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    stop: () => {
      stopping ??= close(server);
      return stopping;
    },
  };
}
