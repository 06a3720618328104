import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { currentSiteBuild } from '@lm/shared';

/** Times one Vite build (Astro runs one for the server code, one for the client code). */
function bundleTimer(onDone: (ms: number, end: number) => void): Plugin {
  let started = 0;
  return {
    name: 'lm:bundle-timer',
    buildStart: () => {
      started = performance.now();
    },
    closeBundle: () => {
      const end = performance.now();
      onDone(Math.round(end - started), end);
    },
  };
}

/**
 * Records where a build's rendering time goes, into the build's state, for the build report
 * (site/integrations/build-report.ts): the server and client bundling (Vite builds), the page
 * generation after them, and, through a middleware (page-render-timing.ts), the rendering time of
 * each kind of page. Only timestamps: no profiler, nothing written, and nothing at all in a plain
 * `astro build`, which has no build state.
 */
export function buildPhases(): AstroIntegration {
  // When the last Vite build ended: page generation starts there.
  let bundled = 0;
  return {
    name: 'lm:build-phases',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./page-render-timing.ts', import.meta.url), order: 'pre' });
      },
      'astro:build:setup': ({ vite, target }) => {
        vite.plugins = [
          ...(vite.plugins ?? []),
          bundleTimer((ms, end) => {
            bundled = end;
            const timings = currentSiteBuild()?.timings;
            if (!timings) return;
            if (target === 'server') timings.serverBundleMs = ms;
            else timings.clientBundleMs = ms;
          }),
        ];
      },
      'astro:build:generated': () => {
        const timings = currentSiteBuild()?.timings;
        if (timings && bundled > 0) timings.generateMs = Math.round(performance.now() - bundled);
      },
    },
  };
}
