import { VIDEO_PLAYER_ORIGINS } from '@lm/shared';
import { ISLAND_SCRIPT_HASHES, ISLAND_STYLE_HASHES } from './island-csp-hashes.js';

/**
 * What every response carries. The site's JavaScript and stylesheets are external files
 * (`build.inlineStylesheets: 'never'`) except the few inline ones Astro writes for islands, which
 * are allowed by hash (see island-csp-hashes.ts), so a strict policy holds; images may come from
 * the CMS or any HTTPS host. `'wasm-unsafe-eval'` lets the search page compile Pagefind's
 * WebAssembly (served from the site itself); it allows no `eval` of JavaScript. Frames come from
 * the two privacy-enhanced video players only, which a page loads when a learner presses play.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    `default-src 'self'; img-src 'self' https: data:; style-src 'self' ${ISLAND_STYLE_HASHES.join(' ')}; script-src 'self' 'wasm-unsafe-eval' ${ISLAND_SCRIPT_HASHES.join(' ')}; object-src 'none'; ` +
    `frame-src ${VIDEO_PLAYER_ORIGINS.join(' ')}; base-uri 'self'; frame-ancestors 'none'; form-action 'self'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Astro's `/_astro/` files carry a content hash in their names, so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (HTML above all) is revalidated, so a new release shows at once. */
export const REVALIDATE = 'no-cache';

/** The Cache-Control a path gets. */
export function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE;
}
