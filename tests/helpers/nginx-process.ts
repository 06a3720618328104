import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { get, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { execa } from 'execa';
import { pollUntil } from './poll.js';

/** Where Debian installs nginx; PATH may not hold /usr/sbin for a normal user. */
const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

/** The nginx binary, or null when it is not installed. */
export const findNginx = (): string | null => CANDIDATES.find((file) => existsSync(file)) ?? null;

/** One answer, its body as sent (nothing decompressed, every request on a new connection). */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * GET `target` from 127.0.0.1:`port` on a connection of its own (`agent: false` sends `Connection:
 * close`). Unlike fetch, nothing is decompressed, so the bytes nginx sent are what is checked.
 */
export function httpGet(port: number, target: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path: target, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    // Generous: a loaded two-core machine runs other builds beside this one.
    request.setTimeout(30_000, () => request.destroy(new Error(`No answer to GET ${target} within 30 s`)));
    request.on('error', reject);
  });
}

/** nginx running in the foreground with a config of its own, as a child of the test. */
export interface RunningNginx {
  port: number;
  /** Makes nginx read its config again (new workers; the old ones finish their requests). */
  reload: () => Promise<void>;
  stop: () => Promise<void>;
  /** What nginx wrote to stderr, for failure messages. */
  output: () => string;
}

/**
 * Starts `binary` on `config` with everything it writes under `prefix` (pid, temp files, log), its
 * errors on stderr and no daemon, and waits until it answers on `port`.
 */
export async function startNginx(binary: string, config: string, prefix: string, port: number): Promise<RunningNginx> {
  const args = ['-p', prefix, '-c', config, '-e', 'stderr'];
  const child = spawn(binary, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  let gone = false;
  void exited.then(() => (gone = true));
  await pollUntil(
    `nginx to answer on port ${String(port)}`,
    async () => {
      if (gone) throw new Error(`nginx exited while starting:\n${output}`);
      return httpGet(port, '/').then(
        () => true,
        () => undefined,
      );
    },
    60_000,
  );
  return {
    port,
    reload: async () => {
      const result = await execa(binary, [...args, '-s', 'reload'], { reject: false, all: true });
      if (result.exitCode !== 0) throw new Error(`nginx -s reload failed:\n${result.all}\n${output}`);
    },
    stop: async () => {
      if (gone) return;
      // SIGQUIT: finish the requests in flight, then exit.
      child.kill('SIGQUIT');
      await exited;
    },
    output: () => output,
  };
}

/** The folder a test's nginx writes under, inside its temp folder. */
export const nginxPrefix = (dir: string): string => path.join(dir, 'nginx');
