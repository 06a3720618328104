import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { NGINX_REDIRECT_MAP_FILE } from '../nginx/nginx-redirect-map.js';

/** A reload is a signal to nginx's master; anything slower is stuck. */
const RELOAD_TIMEOUT_MS = 30_000;

/** The release's redirect map in nginx's syntax, or null when it has none (or it cannot be read). */
const redirectMapOf = (releasesDir: string, id: string): Promise<string | null> =>
  readFile(path.join(releasesDir, id, NGINX_REDIRECT_MAP_FILE), 'utf8').catch(() => null);

/**
 * The rebuild service's afterSwap for WEB_SERVER_RELOAD: runs the command (through /bin/sh, as an
 * operator writes it: `nginx -s reload`, `sudo systemctl reload nginx`) and throws with its output
 * when it fails or takes longer than 30 s. The reload is skipped when the new release's redirect
 * map is the one nginx read at the last reload: the swap alone switches the files, and a reload
 * is not free. nginx's old workers close their idle keep-alive connections, and a client that
 * sends a request on one just then sees a reset (browsers retry it; measured with a Node client
 * that does not: 36 of 472 requests during 6 reloads).
 */
export function webServerReload(command: string, releasesDir: string): (id: string) => Promise<void> {
  let reloadedFor: string | null | undefined;
  return async (id) => {
    const map = await redirectMapOf(releasesDir, id);
    if (reloadedFor !== undefined && map === reloadedFor) return;
    const result = await execa('/bin/sh', ['-c', command], { reject: false, all: true, timeout: RELOAD_TIMEOUT_MS });
    if (result.failed) {
      const how = result.timedOut ? 'took longer than 30 s' : `exited with ${String(result.exitCode ?? result.signal)}`;
      throw new Error(`[rebuild] WEB_SERVER_RELOAD (${command}) ${how}: ${result.all.trim() || 'no output'}`, {
        cause: result,
      });
    }
    reloadedFor = map;
  };
}
