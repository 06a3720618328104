import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { DATA_STORE_FILE, DATA_STORE_MODULE, assertCheckedAstro } from './astro-internals';

/**
 * In a static build, Astro turns the whole content data store (3.4 MB at 1,000 pages) into one
 * JavaScript module and bundles it, which took 0.8 s of every 1.7 s server bundle. The bundle only
 * runs on the build machine, in the same build, right after the store was written to disk; so here
 * the module reads that file when the pages render instead. The module's value is the same (the
 * parsed JSON Astro would have inlined). Builds with on-demand pages (a server bundle that is
 * deployed elsewhere) keep Astro's inlined module.
 */
export function dataStoreFromDisk(): AstroIntegration {
  let storeFile: string | null = null;
  const plugin: Plugin = {
    name: 'lm:data-store-from-disk',
    apply: 'build',
    transform(_code, id) {
      if (id !== DATA_STORE_MODULE || storeFile === null) return undefined;
      const file = JSON.stringify(storeFile);
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${file}, 'utf8'));\n`,
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
