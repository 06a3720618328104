import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { BUILD_RELEASES_GLOBAL } from '@lm/shared';
import { DATA_STORE_FILE, DATA_STORE_MODULE, assertCheckedAstro } from './astro-internals';

/**
 * In a static build, Astro turns the whole content data store (3.4 MB at 1,000 pages) into one
 * JavaScript module and bundles it, which took 0.8 s of every 1.7 s server bundle. The bundle only
 * runs on the build machine, in the same build, right after the store was written to disk; so here
 * the module reads that file when the pages render instead. Builds with on-demand pages (a server
 * bundle that is deployed elsewhere) keep Astro's inlined module.
 *
 * The module's value is the store itself: the file is Astro's collections Map written with
 * `devalue`, and Astro's content runtime takes a Map from this module as is (where it would
 * unflatten the inlined JSON into one), so the pages see the same entries. Holding the Map here
 * lets the module empty it once the build is done: a warm build worker keeps every build's server
 * bundle loaded (Node never unloads a module), and with it, before, two copies of that build's
 * whole content (the parsed JSON in this module, the unflattened Map in Astro's store). See
 * shared/src/build-releases.ts.
 */
export function dataStoreFromDisk(): AstroIntegration {
  let storeFile: string | null = null;
  const plugin: Plugin = {
    name: 'lm:data-store-from-disk',
    apply: 'build',
    transform(_code, id) {
      if (id !== DATA_STORE_MODULE || storeFile === null) return undefined;
      return {
        code: dataStoreModuleCode(storeFile),
        map: { mappings: '' },
      };
    },
  };
  return {
    name: 'lm:data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        assertCheckedAstro();
        if (command === 'build') updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:config:done': ({ config, buildOutput }) => {
        storeFile = buildOutput === 'static' ? fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir)) : null;
      },
    },
  };
}

/** The content module's code: the store read from `file`, emptied once the build is done. */
export function dataStoreModuleCode(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    // Astro's own dependency, which its content runtime imports the same way in the same bundle.
    `import { unflatten } from 'devalue';`,
    `const store = unflatten(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')));`,
    `(globalThis.${BUILD_RELEASES_GLOBAL} ??= []).push(() => store.clear());`,
    `export default store;`,
    '',
  ].join('\n');
}
