import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { RENDERER_CLIENT_ENTRY, assertCheckedAstro } from './astro-internals';

const EMPTY_ENTRY = 'virtual:lm-no-client-code';
const RESOLVED_EMPTY_ENTRY = `\0${EMPTY_ENTRY}`;

function inputsOf(input: unknown): string[] | null {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.every((entry) => typeof entry === 'string')) return input;
  return null;
}

/** Stands in for the client bundle: one empty module, whose chunk is dropped before writing. */
function emptyClientBundle(): Plugin {
  return {
    name: 'lm:empty-client-bundle',
    resolveId: (id) => (id === EMPTY_ENTRY ? RESOLVED_EMPTY_ENTRY : undefined),
    load: (id) => (id === RESOLVED_EMPTY_ENTRY ? 'export {};' : undefined),
    generateBundle(_options, bundle) {
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.facadeModuleId === RESOLVED_EMPTY_ENTRY)
          Reflect.deleteProperty(bundle, name);
      }
    },
  };
}

/**
 * Astro builds the client code of every renderer, hydrated islands or not: here React's (315 kB),
 * which took 0.9 s of every rebuild and shipped a file no page loads. When the client build's only
 * inputs are renderer entrypoints (no page has an island or a script), this builds an empty
 * module instead. As soon as a page hydrates a component, the inputs include it and the client
 * build runs as Astro made it.
 */
export function skipUnusedClientBuild(): AstroIntegration {
  return {
    name: 'lm:skip-unused-client-build',
    hooks: {
      'astro:config:setup': () => {
        assertCheckedAstro();
      },
      'astro:build:setup': ({ vite, target, logger }) => {
        if (target !== 'client') return;
        const options = vite.build?.rollupOptions;
        const inputs = inputsOf(options?.input);
        if (!options || !inputs || !inputs.every((entry) => RENDERER_CLIENT_ENTRY.test(entry))) return;
        logger.info(`No island or script on any page: skipping the client code of ${inputs.join(', ')}.`);
        options.input = [EMPTY_ENTRY];
        const onwarn = options.onwarn;
        options.onwarn = (warning, warn) => {
          // Rollup reports the empty chunk; it is empty on purpose.
          if (warning.code === 'EMPTY_BUNDLE') return;
          if (onwarn) onwarn(warning, warn);
          else warn(warning);
        };
        vite.plugins = [...(vite.plugins ?? []), emptyClientBundle()];
      },
    },
  };
}
