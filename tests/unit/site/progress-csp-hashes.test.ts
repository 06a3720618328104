import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ISLAND_SCRIPT_HASHES, ISLAND_STYLE_HASHES } from '../../../scripts/lib/island-csp-hashes.js';
import { SECURITY_HEADERS } from '../../../scripts/lib/security-headers.js';
// Astro's own texts, which it writes inline into every page holding an island.
import islandScript from '../../../node_modules/astro/dist/runtime/server/astro-island.prebuilt.js';
import { ISLAND_STYLES } from '../../../node_modules/astro/dist/runtime/server/astro-island-styles.js';
import idleScript from '../../../node_modules/astro/dist/runtime/client/idle.prebuilt.js';
import visibleScript from '../../../node_modules/astro/dist/runtime/client/visible.prebuilt.js';
import loadScript from '../../../node_modules/astro/dist/runtime/client/load.prebuilt.js';

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe("the policy's hashes of Astro's inline island code", () => {
  it('match the astro-island element and the client:idle, client:visible and client:load directives of the installed Astro', () => {
    expect(ISLAND_SCRIPT_HASHES).toEqual([islandScript, idleScript, visibleScript, loadScript].map(hashOf));
  });

  it('match the islands’ inline style', () => {
    expect(ISLAND_STYLE_HASHES).toEqual([hashOf(ISLAND_STYLES)]);
  });

  it('are in the header the static server sends, with no unsafe-inline', () => {
    const policy = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    const directive = (name: string): string[] =>
      policy.split(';').map((part) => part.trim().split(/\s+/)).find(([first]) => first === name)?.slice(1) ?? [];
    // WebAssembly for the search index (Pagefind); it allows no eval of JavaScript.
    expect(directive('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", ...ISLAND_SCRIPT_HASHES]);
    expect(directive('style-src')).toEqual(["'self'", ...ISLAND_STYLE_HASHES]);
    expect(policy).not.toContain('unsafe-inline');
  });
});
