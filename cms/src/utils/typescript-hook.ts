import { register } from 'tsx/cjs/api';

/**
 * Importing this module lets `require` load TypeScript until the returned function is called.
 * `@lm/shared` is published as TypeScript source (the site and the scripts compile it themselves),
 * and the CMS runs as compiled CommonJS on Node 20, which cannot load TypeScript. The hook slows
 * every later `require` (Strapi loads thousands of modules), so it is removed as soon as the shared
 * rules are loaded: see ./shared.
 */
export const removeTypeScriptHook = register();
