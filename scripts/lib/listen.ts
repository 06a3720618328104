import type { Server } from 'node:http';

/**
 * Starts listening and resolves with the port (useful when 0 asked for a free one). A port in use
 * becomes an error naming the variable that sets it, with `prefix` (`[rebuild]`, `[site]`) in front.
 */
export function listen(
  server: Server,
  host: string,
  port: number,
  variable: string,
  prefix = '[rebuild]',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(
        new Error(`${prefix} Cannot listen on ${host}:${port}. Is the port in use? Set ${variable} in .env.`, {
          cause: error,
        }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting connections and closes idle ones; resolves when the server is closed. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
