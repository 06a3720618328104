import { execa } from 'execa';
import { repoRoot } from '../../../scripts/lib/paths.js';
import { waitForPort } from '../../../scripts/lib/wait-for-port.js';

/** A preview server running as its own process, as `npm start` runs it. */
export interface RunningPreviewServer {
  /** Everything it printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `scripts/preview-server/main.ts` on 127.0.0.1:`port` against the Strapi whose environment
 * is `strapiEnv` (its URL, preview token and PREVIEW_SECRET), and waits until it listens. The
 * preview must be built beforehand (`ensurePreviewBuilt`), so its start does not race a build.
 */
export async function startPreviewServer(strapiEnv: Record<string, string>, port: number): Promise<RunningPreviewServer> {
  const child = execa(process.execPath, ['--import', 'tsx', 'scripts/preview-server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...strapiEnv,
      PREVIEW_URL: `http://127.0.0.1:${String(port)}`,
      PREVIEW_PORT: String(port),
      PREVIEW_HOST: '127.0.0.1',
    },
    extendEnv: false,
    all: true,
    reject: false,
  });
  let output = '';
  child.all.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await child;
  };
  try {
    await waitForPort('127.0.0.1', port, { what: 'The preview server', timeoutMs: 120_000, exited: child });
  } catch (error) {
    await stop();
    throw new Error(`[e2e] The preview server did not start; it printed:\n${output}`, { cause: error });
  }
  return { output: () => output, stop };
}
