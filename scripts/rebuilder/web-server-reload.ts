import { execa } from 'execa';

/** A reload is a signal to nginx's master; anything slower is stuck. */
const RELOAD_TIMEOUT_MS = 30_000;

/**
 * The rebuild service's afterSwap for WEB_SERVER_RELOAD: runs the command (through /bin/sh, as an
 * operator writes it: `nginx -s reload`, `sudo systemctl reload nginx`) and throws with its output
 * when it fails or takes longer than 30 s.
 */
export function webServerReload(command: string): () => Promise<void> {
  return async () => {
    const result = await execa('/bin/sh', ['-c', command], { reject: false, all: true, timeout: RELOAD_TIMEOUT_MS });
    if (result.failed) {
      const how = result.timedOut ? 'took longer than 30 s' : `exited with ${String(result.exitCode ?? result.signal)}`;
      throw new Error(`[rebuild] WEB_SERVER_RELOAD (${command}) ${how}: ${result.all.trim() || 'no output'}`, {
        cause: result,
      });
    }
  };
}
