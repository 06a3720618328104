import { VIDEO_PLAYER_ORIGINS } from '@lm/shared';
import { ISLAND_SCRIPT_HASHES, ISLAND_STYLE_HASHES } from '../lib/island-csp-hashes.js';

/**
 * What every answer of the preview server carries. The policy is the public site's (see
 * scripts/lib/static-server.ts: external files, Astro's island code by hash) except that the admin
 * at `adminOrigin` (Strapi), and only it, may frame the preview, and images may come from Strapi
 * over plain HTTP too, as they do on a developer's machine. Video players may be framed as on the
 * site. Drafts are never stored by a cache, never indexed, and their addresses are not sent on to
 * other sites.
 */
export function previewHeaders(adminOrigin: string): Record<string, string> {
  return {
    'Content-Security-Policy':
      `default-src 'self'; img-src 'self' https: data: ${adminOrigin}; style-src 'self' ${ISLAND_STYLE_HASHES.join(' ')}; ` +
      `script-src 'self' ${ISLAND_SCRIPT_HASHES.join(' ')}; object-src 'none'; base-uri 'self'; ` +
      `frame-src ${VIDEO_PLAYER_ORIGINS.join(' ')}; ` +
      `frame-ancestors ${adminOrigin}; form-action 'self'`,
    'X-Robots-Tag': 'noindex, nofollow',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  };
}
