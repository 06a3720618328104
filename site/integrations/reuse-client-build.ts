import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { z } from 'zod';
import { currentSiteBuild } from '@lm/shared';
import { RENDERER_CLIENT_ENTRY, assertCheckedAstro } from './astro-internals';

/** The client build's output as the last build wrote it, with what it was built from. */
const clientBuildSchema = z.object({
  /** The build key and the client build's inputs (see clientBuildKey). */
  key: z.string(),
  files: z.array(
    z.object({
      /** Where the file goes in the release (`_astro/Checklist.abc123.js`). */
      fileName: z.string(),
      /** For an entry chunk, the module it is the entry of (Rollup's facadeModuleId); else null. */
      entry: z.string().nullable(),
      /** The file's bytes, base64. */
      content: z.string(),
    }),
  ),
});
type ClientBuild = z.infer<typeof clientBuildSchema>;

const CACHE_FILE = 'lm-client-build.json';

function inputsOf(input: unknown): string[] | null {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.every((entry) => typeof entry === 'string')) return input;
  return null;
}

/**
 * The build key covers every file of the site, the shared code, the packages and the settings
 * that reach the output (scripts/lib/build-key.ts); with the client build's inputs (the islands
 * the pages hydrate), it decides the client code entirely.
 */
function clientBuildKey(buildKey: string, inputs: readonly string[]): string {
  return createHash('sha256')
    .update(buildKey)
    .update('\0')
    .update(JSON.stringify([...inputs].sort()))
    .digest('base64url');
}

async function readClientBuild(file: string): Promise<ClientBuild | null> {
  try {
    const parsed = clientBuildSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps what a client build wrote, for the next build with the same key. */
function recordClientBuild(key: string, file: string): Plugin {
  return {
    name: 'lm:record-client-build',
    async writeBundle(_options, bundle) {
      const files = Object.values(bundle).map((output) => ({
        fileName: output.fileName,
        entry: output.type === 'chunk' && output.isEntry ? output.facadeModuleId : null,
        content: Buffer.from(output.type === 'chunk' ? output.code : output.source).toString('base64'),
      }));
      const record: ClientBuild = { key, files };
      await writeFile(file, JSON.stringify(record));
    },
  };
}

/**
 * Stands in for a client build whose output is known: every module loads empty, so Rollup only
 * resolves the entries (nothing to transform or minify), and each empty entry chunk is given the
 * recorded file's name and code before Astro's own plugins read the bundle (they map each island
 * to its file by the chunk's entry module). The other recorded files are emitted as they were.
 */
function replayClientBuild(recorded: ClientBuild): Plugin {
  const byEntry = new Map(recorded.files.flatMap((file) => (file.entry === null ? [] : [[file.entry, file]])));
  return {
    name: 'lm:replay-client-build',
    load: { order: 'pre', handler: () => 'export {};' },
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        for (const [name, output] of Object.entries(bundle)) {
          if (output.type !== 'chunk') continue;
          const file = output.facadeModuleId === null ? undefined : byEntry.get(output.facadeModuleId);
          // Checked by the key: the same inputs give the same entries. Fail rather than ship a gap.
          if (!file)
            throw new Error(`[build] The recorded client build has no entry for ${output.facadeModuleId ?? name}.`);
          Reflect.deleteProperty(bundle, name);
          output.fileName = file.fileName;
          output.code = Buffer.from(file.content, 'base64').toString('utf8');
          bundle[file.fileName] = output;
        }
        for (const file of recorded.files) {
          if (file.entry !== null) continue;
          this.emitFile({ type: 'asset', fileName: file.fileName, source: Buffer.from(file.content, 'base64') });
        }
      },
    },
  };
}

/**
 * Astro bundles the islands for the browser in every build (Vite's client build: React and five
 * islands, about a second warm), though they change only when the site's code does. In a build by
 * the build worker, this records the client build's output, and the next build with the same
 * build key and the same islands writes the recorded files instead of bundling them again: the
 * same bytes under the same names, so pages and copied modules link to the same files. A plain
 * `astro build` (no build key) bundles as Astro does.
 */
export function reuseClientBuild(): AstroIntegration {
  let cacheFile: string | null = null;
  return {
    name: 'lm:reuse-client-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        assertCheckedAstro();
        cacheFile = fileURLToPath(new URL(CACHE_FILE, config.cacheDir));
      },
      'astro:build:setup': async ({ vite, target, logger }) => {
        const job = currentSiteBuild()?.job;
        const inputs = inputsOf(vite.build?.rollupOptions?.input);
        if (target !== 'client' || !job || !inputs || cacheFile === null) return;
        // No island on any page: lm:skip-unused-client-build builds an empty module instead.
        if (inputs.every((entry) => RENDERER_CLIENT_ENTRY.test(entry))) return;
        const key = clientBuildKey(job.buildKey, inputs);
        const recorded = await readClientBuild(cacheFile);
        if (recorded?.key === key) {
          logger.info(`Islands unchanged: writing the last client build's ${String(recorded.files.length)} files.`);
          vite.plugins = [...(vite.plugins ?? []), replayClientBuild(recorded)];
          const options = vite.build?.rollupOptions;
          const onwarn = options?.onwarn;
          if (options) {
            options.onwarn = (warning, warn) => {
              // Rollup reports the empty entries; they are empty on purpose, until renamed.
              if (warning.code === 'EMPTY_BUNDLE') return;
              if (onwarn) onwarn(warning, warn);
              else warn(warning);
            };
          }
        } else {
          vite.plugins = [...(vite.plugins ?? []), recordClientBuild(key, cacheFile)];
        }
      },
    },
  };
}
