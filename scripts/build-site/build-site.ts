import { execa } from 'execa';
import { siteDir } from '../lib/paths.js';
import { BuildOutput, forEachLine } from './build-output.js';
import { withScratchDir } from './scratch-dir.js';

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

/** Plain, uncoloured output, and no telemetry from build machines. */
export const BUILD_ENV = { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/**
 * Runs `astro build` for the site in its own process, so a crash or a memory spike in a build can
 * never take down its caller (the start script or the rebuild service), from a working folder of
 * its own (see withScratchDir).
 */
export function buildSite({ outDir, env, onLine, signal }: BuildSiteOptions): Promise<BuildSiteResult> {
  return withScratchDir((dir) => runAstroBuild(dir, { outDir, env, onLine, signal }));
}

async function runAstroBuild(cwd: string, { outDir, env, onLine, signal }: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const output = new BuildOutput();
  const child = execa('astro', ['build', '--root', siteDir, '--outDir', outDir], {
    cwd,
    preferLocal: true,
    env: { ...env, ...BUILD_ENV },
    extendEnv: false,
    all: true,
    reject: false,
    cancelSignal: signal,
    lines: false,
  });
  forEachLine(child.all, (line) => {
    output.add(line);
    onLine?.(line);
  });
  const result = await child;
  if (result.failed) {
    const tail = output.tail();
    throw new Error(
      `[build] astro build failed (${result.isCanceled ? 'cancelled' : `exit ${result.exitCode ?? 'unknown'}`}):\n${tail}`,
      {
        cause: result,
      },
    );
  }
  return {
    durationMs: Math.round(performance.now() - started),
    graphqlRequests: output.graphqlRequests,
    pageCount: output.pageCount,
  };
}
