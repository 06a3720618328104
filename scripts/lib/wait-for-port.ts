import { connect } from 'node:net';
import { waitUntilReady, type WaitOptions } from './wait-for-http.js';

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
export const waitForPort = (host: string, port: number, options: WaitOptions): Promise<void> =>
  waitUntilReady(() => accepts(host, port), `listen on ${host}:${String(port)}`, { intervalMs: 200, ...options });
