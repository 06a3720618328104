import { fileURLToPath } from 'node:url';
import { cmsDir, envPath, repoRoot } from '../lib/paths.js';
import { prepareCms } from './prepare-cms.js';
import type { SiteServerConfig } from '../lib/site-server-config.js';
import { urlHost } from '../lib/site-server.js';
import { waitForHttp, waitForStrapi } from '../lib/wait-for-http.js';
import { waitForPort } from '../lib/wait-for-port.js';

const siteServerEntry = fileURLToPath(new URL('../site-server/main.ts', import.meta.url));
const rebuilderEntry = fileURLToPath(new URL('../rebuilder/main.ts', import.meta.url));
const previewServerEntry = fileURLToPath(new URL('../preview-server/main.ts', import.meta.url));

/** One long-running process of `npm start`. */
export interface StartPart {
  /** Its name in `[name]` output prefixes and restart messages. */
  name: 'site' | 'cms' | 'rebuild' | 'preview';
  /** What it is, for messages ("Strapi"). */
  what: string;
  /** Printed as it starts. */
  starting: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Resolves once it answers; fails if `down` settles first (it crashed too often) or it takes too long. */
  ready: (down: Promise<void>) => Promise<void>;
  /** Work done before it is spawned (compiling, building), each step saying what it did. */
  prepare?: (log: (line: string) => void) => Promise<void>;
}

export interface StartConfig {
  site: SiteServerConfig;
  strapiUrl: string;
  /** The rebuild service's API, e.g. http://127.0.0.1:4322. */
  rebuildApiUrl: string;
  /** Where the draft preview server listens (PREVIEW_HOST, PREVIEW_PORT); without it, it is not run. */
  preview?: { host: string; port: number };
}

/**
 * The parts `npm start` runs, in the order it starts them. The site server comes first: it needs
 * nothing else, so the last live release is public again at once, while Strapi takes its minutes.
 * The rebuild service comes after Strapi, whose content it checks, and before the demo import,
 * whose webhook deliveries it must be there to receive (Strapi never retries one). The preview
 * server comes last: it builds itself first when its sources changed (half a minute on two cores),
 * which is better spent after Strapi has started than beside it.
 */
export function startParts(env: Record<string, string | undefined>, config: StartConfig): StartPart[] {
  const tsx = (entry: string): string[] => ['--import', 'tsx', entry];
  const preview = config.preview;
  const parts: StartPart[] = [
    {
      name: 'site',
      what: 'The site server',
      starting: '[start] Starting the site server (it serves the last live release, if there is one)…',
      command: process.execPath,
      args: tsx(siteServerEntry),
      cwd: repoRoot,
      env,
      ready: (down) =>
        waitForPort(urlHost(config.site.SITE_HOST), config.site.SITE_PORT, {
          what: 'The site server',
          timeoutMs: 60_000,
          exited: down,
          intervalMs: 100,
        }),
    },
    {
      name: 'cms',
      what: 'Strapi',
      starting: '[start] Starting Strapi…',
      // `strapi start` serves the compiled CMS and the admin bundle built beforehand, instead of
      // `strapi develop`, which rebuilds the admin on every start (minutes on two cores). Changing
      // content types is developer work: `npm run develop:cms` runs Strapi with its builder.
      command: 'strapi',
      args: ['start'],
      cwd: cmsDir,
      env: { ...env, ENV_PATH: envPath, NODE_ENV: 'development', STRAPI_TELEMETRY_DISABLED: 'true' },
      prepare: prepareCms,
      ready: (down) => waitForStrapi(config.strapiUrl, { timeoutMs: 300_000, exited: down }),
    },
    {
      name: 'rebuild',
      what: 'The rebuild service',
      starting: '[start] Starting the rebuild service…',
      command: process.execPath,
      args: tsx(rebuilderEntry),
      cwd: repoRoot,
      env,
      ready: (down) =>
        waitForHttp(`${config.rebuildApiUrl}/healthz`, {
          what: 'The rebuild service',
          timeoutMs: 60_000,
          exited: down,
          intervalMs: 200,
        }),
    },
  ];
  if (!preview) return parts;
  parts.push({
    name: 'preview',
    what: 'The preview server',
    starting: '[start] Starting the draft preview server (it builds itself first if its sources changed)…',
    command: process.execPath,
    args: tsx(previewServerEntry),
    cwd: repoRoot,
    env,
    ready: (down) =>
      waitForPort(urlHost(preview.host), preview.port, {
        what: 'The preview server',
        timeoutMs: 300_000,
        exited: down,
        intervalMs: 200,
      }),
  });
  return parts;
}
