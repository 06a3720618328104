import { register } from 'tsx/cjs/api';

/** `require.extensions`, read without its deprecated type: only its `.ts` entry is touched. */
const extensions: unknown = Reflect.get(require, 'extensions');
const typeScriptLoader = (): unknown =>
  typeof extensions === 'object' && extensions !== null ? Reflect.get(extensions, '.ts') : undefined;

/** The `.ts` loader from before the hook: Strapi's own, when it loads the config files from source. */
const loaderBefore = typeScriptLoader();
const unregister = register();

/**
 * Importing this module lets `require` load TypeScript until the returned function is called.
 * `@lm/shared` is published as TypeScript source (the site and the scripts compile it themselves),
 * and the CMS runs as compiled CommonJS on Node 20, which cannot load TypeScript. The hook slows
 * every later `require` (Strapi loads thousands of modules), so it is removed as soon as the shared
 * rules are loaded: see ./shared.
 *
 * Strapi's admin build loads cms/config/*.ts through esbuild-register, which also handles `.ts`.
 * Removing tsx's hook deletes the `.ts` loader altogether, after which a config file could no
 * longer `require` another TypeScript file; so the loader found before is put back.
 */
export function removeTypeScriptHook(): void {
  unregister();
  if (loaderBefore !== undefined && typeScriptLoader() === undefined && typeof extensions === 'object' && extensions) {
    Reflect.set(extensions, '.ts', loaderBefore);
  }
}
