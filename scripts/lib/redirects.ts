import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { legacyPathKey, REDIRECT_MAP_FILE, redirectMapSchema } from '@lm/shared';

/** Old path (as the static server sees it, see legacyPathKey) to the site-relative URL it moved to. */
export type RedirectLookup = ReadonlyMap<string, string>;

const EMPTY: RedirectLookup = new Map();

/** Releases whose maps are kept: the live one and the one it just replaced, for requests in flight. */
const KEPT = 4;

/** Turns the map's stored paths into the keys requests are looked up by. */
export function redirectLookup(redirects: Readonly<Record<string, string>>): RedirectLookup {
  return new Map(Object.entries(redirects).map(([from, to]) => [legacyPathKey(from), to]));
}

/**
 * Where a request for `segments` (as parseRequestPath gives them) has moved, or null. The target
 * comes from the map, whose schema admits only paths of this site, so a redirect never leads to
 * another host whatever the content says.
 */
export function findRedirect(lookup: RedirectLookup, segments: readonly string[]): string | null {
  return lookup.get(`/${segments.join('/')}`) ?? null;
}

async function readLookup(file: string, logError: (message: string) => void): Promise<RedirectLookup> {
  try {
    const parsed = redirectMapSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return redirectLookup(parsed.data.redirects);
    logError(`[site] ${file} is not a valid redirect map (${parsed.error.message}); old addresses get 404.`);
  } catch (error) {
    logError(`[site] Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return EMPTY;
}

/**
 * Reads each release's redirect map (REDIRECT_MAP_FILE) once. A release never changes once live,
 * and a new one has a new folder (the live link is swapped, see resolve-live-release.ts), so the
 * folder plus the file's identity is a safe cache key. A release without a map (built before
 * redirects existed), or whose map is a symlink, redirects nothing.
 */
export function redirectMapCache(logError: (message: string) => void): (dir: string) => Promise<RedirectLookup> {
  const cache = new Map<string, Promise<RedirectLookup>>();
  return async (dir) => {
    const file = path.join(dir, REDIRECT_MAP_FILE);
    let key: string;
    try {
      const info = await lstat(file);
      if (!info.isFile()) return EMPTY;
      key = `${dir}\0${info.ino}\0${info.mtimeMs}\0${info.size}`;
    } catch {
      return EMPTY;
    }
    let lookup = cache.get(key);
    if (lookup === undefined) {
      lookup = readLookup(file, logError);
      cache.set(key, lookup);
      // Maps keep their insertion order: the oldest release's map goes first.
      for (const old of [...cache.keys()].slice(0, Math.max(0, cache.size - KEPT))) cache.delete(old);
    }
    return lookup;
  };
}
