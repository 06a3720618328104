import { z } from 'zod';

/** Longest old path a page may keep; Jekyll URLs are far shorter. */
export const LEGACY_PATH_MAX_LENGTH = 300;

/** Most old paths one page may keep: the .html and folder forms, a permalink, a few redirect_from. */
export const LEGACY_PATHS_MAX = 20;

/** What an old path must look like, for messages. */
export const LEGACY_PATH_RULE =
  'an old path starts with / and holds only the path (no scheme, host, "..", query, fragment, spaces or control characters)';

/**
 * Paths the site itself serves outside module folders: an old path there would hide them, since
 * the static server answers redirects before files.
 */
// What the site itself serves outside module folders (pages/, public/), and the search bundles
// inside them: an old path there would shadow it.
const RESERVED = [
  /^\/$/,
  /^\/_astro(\/|$)/,
  /^\/404(\.html|\/)?$/,
  /^\/(redirects\.json|sitemap\.xml|robots\.txt|favicon\.svg)$/,
  /^\/search(\/|$)/,
  /^\/modules\/[^/]+\/_search(\/|$)/,
];

/**
 * Why `path` cannot be kept as an old path of a page, or null when it can. Only same-site paths
 * are accepted, so a redirect can never send a reader to another host ("//evil.example" is a
 * host, not a path).
 */
export function legacyPathProblem(path: string): string | null {
  if (path.length === 0) return 'an old path is empty';
  if (path.length > LEGACY_PATH_MAX_LENGTH)
    return `"${path.slice(0, 40)}…" is longer than ${LEGACY_PATH_MAX_LENGTH} characters`;
  // Whitespace and control characters (C0, DEL, C1) and the Unicode line separators.
  if (/[\s\p{Cc}\u2028\u2029]/u.test(path)) return `"${path}" holds spaces or control characters`;
  if (!path.startsWith('/')) return `"${path}" does not start with /`;
  if (path.startsWith('//') || path.includes('\\')) return `"${path}" names a host, not a path`;
  if (/[?#]/.test(path)) return `"${path}" has a query or fragment`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return `"${path}" is not valid percent-encoded UTF-8`;
  }
  if (decoded.split('/').some((part) => part === '..' || part === '.')) return `"${path}" holds . or .. segments`;
  if (/[\s\p{Cc}\\]/u.test(decoded) || decoded.includes('//')) return `"${path}" hides a host or control characters`;
  if (decoded.split('/').some((part) => part.startsWith('.') && part !== '.well-known')) {
    return `"${path}" names a hidden file`;
  }
  if (RESERVED.some((pattern) => pattern.test(path))) return `"${path}" is served by the site itself`;
  return null;
}

/**
 * The key under which the static server looks an old path up: percent-decoded, without the
 * trailing slash, since the server treats `/a` and `/a/` as one path. Two pages may not claim old
 * paths with the same key.
 */
export function legacyPathKey(path: string): string {
  const parts = path.split('/').filter((part) => part !== '');
  return `/${parts
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join('/')}`;
}

/** The path with and without its trailing slash, as stored forms that share a {@link legacyPathKey}. */
export function legacyPathVariants(path: string): string[] {
  const bare = path.replace(/\/+$/, '');
  return bare === '' ? [path] : [bare, `${bare}/`];
}

/** The redirect map every build writes at the root of its release (never inside a module folder). */
export const REDIRECT_MAP_FILE = 'redirects.json';

/** A redirect target: a path of this site, never a scheme, host or protocol-relative `//`. */
const SITE_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/]*$/;

/** The redirect map: each old path of a published page to the page's current URL. */
export const redirectMapSchema = z.object({
  version: z.literal(1),
  /** Old path (as stored on the page) to current URL (site-relative). */
  redirects: z.record(z.string(), z.string().regex(SITE_PATH, 'a redirect target is a path of this site')),
});
export type RedirectMap = z.infer<typeof redirectMapSchema>;
