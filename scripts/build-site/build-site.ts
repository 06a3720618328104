import { execa } from 'execa';
import { siteDir } from '../lib/paths.js';

export interface BuildSiteOptions {
  /** Where the static site is written; Astro empties it first. */
  outDir: string;
  /** Environment for the build: STRAPI_URL and STRAPI_READ_TOKEN at least. */
  env: Record<string, string | undefined>;
  /** Receives each line Astro prints, for progress output. */
  onLine?: (line: string) => void;
  /** Aborts the build, e.g. when the service shuts down. */
  signal?: AbortSignal;
}

export interface BuildSiteResult {
  durationMs: number;
  /** GraphQL requests the loaders sent, as they reported them. */
  graphqlRequests: number;
  /** Number of HTML pages Astro reported. */
  pageCount: number;
}

const REQUESTS = /\((\d+) GraphQL requests so far\)/;
const PAGES = /(\d+) page\(s\) built/;

/**
 * Runs `astro build` for the site in its own process, so a crash or a memory spike in a build can
 * never take down its caller (the start script or the rebuild service).
 */
export async function buildSite({ outDir, env, onLine, signal }: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  let graphqlRequests = 0;
  let pageCount = 0;
  const output: string[] = [];
  const child = execa('astro', ['build', '--outDir', outDir], {
    cwd: siteDir,
    preferLocal: true,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    extendEnv: false,
    all: true,
    reject: false,
    cancelSignal: signal,
    lines: false,
  });
  child.all.setEncoding('utf8');
  let pending = '';
  child.all.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      output.push(line);
      graphqlRequests = Math.max(graphqlRequests, Number(REQUESTS.exec(line)?.[1] ?? 0));
      pageCount = Math.max(pageCount, Number(PAGES.exec(line)?.[1] ?? 0));
      onLine?.(line);
    }
  });
  const result = await child;
  if (result.failed) {
    const tail = output.slice(-25).join('\n');
    throw new Error(
      `[build] astro build failed (${result.isCanceled ? 'cancelled' : `exit ${result.exitCode ?? 'unknown'}`}):\n${tail}`,
      {
        cause: result,
      },
    );
  }
  return { durationMs: Math.round(performance.now() - started), graphqlRequests, pageCount };
}
