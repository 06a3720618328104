import { lstat, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { legacyPathKey, REDIRECT_MAP_FILE, redirectMapSchema } from '@lm/shared';
import { nginxLiteral, nginxString } from './nginx-string.js';

/**
 * The redirect map of a release in nginx's `map` syntax, written beside `redirects.json`. A dotfile,
 * so neither server serves it (both hide dotfiles); the generated config includes it from `live`.
 */
export const NGINX_REDIRECT_MAP_FILE = '.nginx-redirects.map';

/**
 * The body of an nginx `map` block from a release's redirect map: each old path's key (as
 * legacyPathKey makes it: decoded, no trailing slash, which is what the config's `$lm_path` holds)
 * to the page's current URL. Keys and targets are quoted, so no path can end the block or add a
 * directive; the schema admits only paths of this site as targets, and they hold no `$`.
 */
export function nginxRedirectMap(redirects: Readonly<Record<string, string>>): string {
  const lines = Object.entries(redirects).map(
    ([from, to]) => `${nginxLiteral(legacyPathKey(from))} ${nginxString(to)};`,
  );
  return `# Written by the build from ${REDIRECT_MAP_FILE}; nginx reads it when it starts or reloads.\n${lines.join('\n')}\n`;
}

/**
 * Writes NGINX_REDIRECT_MAP_FILE into a finished release from its `redirects.json`. A release
 * without one (or with a symlink in its place) gets an empty map, as the Node server redirects
 * nothing then. An invalid map fails the build: the Node server would log it and serve no redirect,
 * but a release that loses every old address should not go live unnoticed.
 */
export async function writeNginxRedirectMap(releaseDir: string): Promise<number> {
  const source = path.join(releaseDir, REDIRECT_MAP_FILE);
  let redirects: Record<string, string> = {};
  const info = await lstat(source).catch(() => null);
  if (info?.isFile()) {
    const parsed = redirectMapSchema.safeParse(JSON.parse(await readFile(source, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `[build] ${source} is not a valid redirect map, so no nginx map is written and the release is not used: ` +
          `${parsed.error.message}. Fix the site's redirects.json page (site/src/pages/redirects.json.ts).`,
        { cause: parsed.error },
      );
    }
    redirects = parsed.data.redirects;
  }
  await writeFile(path.join(releaseDir, NGINX_REDIRECT_MAP_FILE), nginxRedirectMap(redirects));
  return Object.keys(redirects).length;
}
