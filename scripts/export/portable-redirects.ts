import { legacyPathVariants } from '@lm/shared';

/**
 * The name of the redirect file Netlify and Cloudflare Pages read from the root of what they
 * publish (neither serves it as a page).
 */
export const PORTABLE_REDIRECTS_FILE = '_redirects';

/**
 * A release's redirects in the `_redirects` syntax (`from to status`, one rule a line, the first
 * match wins). Old paths are written with and without their trailing slash, as the site's own
 * servers treat both as one path (legacyPathKey) and not every host does. The map's schema admits
 * no whitespace in either path, so no path can split a rule.
 */
export function portableRedirects(redirects: Readonly<Record<string, string>>): string {
  const lines = new Set<string>();
  for (const [from, to] of Object.entries(redirects)) {
    for (const variant of legacyPathVariants(from)) lines.add(`${variant} ${to} 301`);
  }
  return `# Old addresses of the learning modules, moved permanently (Netlify, Cloudflare Pages).\n${[...lines].join('\n')}\n`;
}
