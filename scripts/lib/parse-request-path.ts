/** Longest request target accepted (browsers send far shorter ones); longer ones get 414. */
export const MAX_TARGET_LENGTH = 4096;

/** The one dot-folder a site may serve (security.txt and the like); every other dotfile is hidden. */
const WELL_KNOWN = '.well-known';

/** What a request target names inside a release. */
export type RequestPath =
  /** Decoded file names, one per folder level; none is empty, `.`/`..`, a dotfile or holds a slash. */
  | { kind: 'path'; segments: string[] }
  /** Cannot name a served file (dot segments, dotfiles, an encoded slash): the site's 404. */
  | { kind: 'not-found' }
  /** Not a usable target at all (bad percent-encoding, a NUL byte, no leading slash): 400. */
  | { kind: 'bad-request'; reason: string }
  | { kind: 'too-long' };

/** The path part of an origin-form (`/a/b?q`) or absolute-form (`http://host/a/b`) target, still encoded. */
function rawPathname(target: string): string | null {
  if (target.startsWith('/')) return target.split(/[?#]/, 1)[0] ?? '/';
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    return new URL(target).pathname;
  } catch {
    return null;
  }
}

/**
 * Turns a request's target into file names to look up, or says why there is nothing to look up.
 * Each `/`-separated part is percent-decoded on its own, so an encoded slash (`..%2f`) stays
 * inside one name and can never climb out of the release. A trailing slash is ignored: `/a` and
 * `/a/` both name `a` (and so its `index.html`), as the site has always been served.
 */
export function parseRequestPath(target: string): RequestPath {
  if (target.length > MAX_TARGET_LENGTH) return { kind: 'too-long' };
  const pathname = rawPathname(target);
  if (pathname === null) return { kind: 'bad-request', reason: 'the target does not start with /' };
  const segments: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '') continue;
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return { kind: 'bad-request', reason: 'the path is not valid percent-encoded UTF-8' };
    }
    if (name.includes('\0')) return { kind: 'bad-request', reason: 'the path holds a NUL byte' };
    if (name.includes('/')) return { kind: 'not-found' };
    if (name.startsWith('.') && name !== WELL_KNOWN) return { kind: 'not-found' };
    segments.push(name);
  }
  return { kind: 'path', segments };
}
