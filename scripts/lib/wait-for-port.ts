import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WaitOptions } from './wait-for-http.js';

/** Whether something accepts a TCP connection on host:port right now. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
    socket.once('timeout', () => {
      done(false);
    });
  });
}

/**
 * Waits until host:port accepts connections, for a server whose every answer is fine (the site
 * server's 503 before a first release included). Fails early when `exited` settles and after
 * `timeoutMs`, like waitForHttp.
 */
export async function waitForPort(
  host: string,
  port: number,
  { what, timeoutMs, exited, intervalMs = 200 }: WaitOptions,
): Promise<void> {
  const state = { exited: false };
  void exited?.then(() => {
    state.exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.exited) throw new Error(`[start] ${what} stopped while starting; its output above says why.`);
    if (await accepts(host, port)) return;
    await sleep(intervalMs);
  }
  throw new Error(`[start] ${what} did not listen on ${host}:${port} within ${String(timeoutMs / 1000)} s.`);
}
