import type { APIRoute } from 'astro';
import type { RedirectMap } from '@lm/shared';
import { legacyRedirects } from '../lib/legacy-redirects';

/**
 * The redirect map (REDIRECT_MAP_FILE) the static server answers old addresses from. Written by
 * every build, whatever modules it renders: it lies outside the module folders, which an
 * incremental build copies from the live release, so it always covers every published page.
 */
export const GET: APIRoute = async () => {
  const map: RedirectMap = {
    version: 1,
    redirects: Object.fromEntries((await legacyRedirects()).map(({ from, to }) => [from, to])),
  };
  return new Response(`${JSON.stringify(map, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
