import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/**
 * Everything the build relies on that Astro does not document as an API, in one place, checked
 * against one Astro version. A new Astro may rename or move any of them without notice; then the
 * build would silently get slower (or, for the server bundle, ship build files), so it fails
 * instead until someone has checked them (see assertCheckedAstro).
 */
export const ASTRO_VERSION_CHECKED = '5.18.2';

/** Astro's module holding every content entry (see astro/dist/content/consts.js), as Vite names it. */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** Where Astro writes the data store in a build: `data-store.json` in the cache folder. */
export const DATA_STORE_FILE = 'data-store.json';

/**
 * The client build's inputs when no page hydrates anything: only the entrypoints Astro's official
 * renderers register (`@astrojs/react/client.js`), given as `vite.build.rollupOptions.input` in
 * `astro:build:setup` with target `client`.
 */
export const RENDERER_CLIENT_ENTRY = /^@astrojs\/[\w-]+\/client[\w.-]*\.js$/;

/**
 * Where Astro writes the server bundle (the code that renders the pages) of a static build: the
 * output folder itself when it is inside the working folder, otherwise `.astro/` in the working
 * folder (`getOutDirWithinCwd`, astro/dist/core/build/common.js).
 */
export function serverBundleDir(outDir: string, cwd: string): string {
  return outDir.startsWith(cwd) ? outDir : path.join(cwd, '.astro');
}

/** What to check in a new Astro before raising ASTRO_VERSION_CHECKED. */
export const ASTRO_INTERNALS = [
  `the content module id ${JSON.stringify(DATA_STORE_MODULE)}, ${DATA_STORE_FILE} in the cache folder (the collections Map written with devalue), and the content runtime taking a Map default export of that module as the store (ImmutableDataStore.fromModule) (site/integrations/data-store-from-disk.ts)`,
  'the client build inputs in astro:build:setup being the renderers’ client entrypoints (site/integrations/skip-unused-client-build.ts)',
  'the client build’s entry chunks mapped to the islands by their facadeModuleId in generateBundle (@astro/plugin-build-internals), which lets a recorded client build be written again under its names (site/integrations/reuse-client-build.ts)',
  'the server bundle written to .astro/ in the working folder when the output folder is outside it (scripts/lib/scratch-dir.ts)',
  'the inline astro-island script, client directive scripts and island style, allowed by hash in the site’s CSP (scripts/lib/island-csp-hashes.ts)',
];

/** The version of the Astro this code runs with. */
export function installedAstroVersion(): string {
  const require = createRequire(import.meta.url);
  return z.object({ version: z.string() }).parse(require('astro/package.json')).version;
}

/**
 * Fails, naming what to check, when Astro is not the version the internals above were checked
 * against. Called wherever they are used, before the build does anything.
 */
export function assertCheckedAstro(version = installedAstroVersion()): void {
  if (version === ASTRO_VERSION_CHECKED) return;
  throw new Error(
    `[build] Astro ${version} is not the version the build's use of Astro internals was checked against ` +
      `(${ASTRO_VERSION_CHECKED}): ${ASTRO_INTERNALS.join('; ')}. Check each of them in the new Astro, ` +
      'update site/integrations/astro-internals.ts (and the code named) where they changed, then set ' +
      'ASTRO_VERSION_CHECKED to the new version.',
  );
}
