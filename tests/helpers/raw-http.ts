import { connect } from 'node:net';

/** What a raw request got back, read byte for byte. */
export interface RawResponse {
  /** 0 when the server closed the connection without a status line. */
  status: number;
  head: string;
  body: Buffer;
}

/**
 * Sends bytes as they are (fetch and http.request would normalise or refuse most of these) and
 * reads until the server closes the connection. Every request asks for `Connection: close`.
 */
export function raw(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => {
      socket.destroy(new Error(`No answer within 5 s to ${JSON.stringify(request.slice(0, 80))}`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server may reset a connection it refused; what it sent before still counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = split === -1 ? all.toString('latin1') : all.subarray(0, split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
    socket.write(request);
  });
}

/** A GET (or `method`) request line and headers, asking the server to close the connection. */
export const get = (target: string, headers: string[] = [], method = 'GET'): string =>
  [`${method} ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...headers, '', ''].join('\r\n');

/** A response header's value, by name (any case). */
export const header = (response: RawResponse, name: string): string | undefined =>
  new RegExp(`^${name}: *(.*)$`, 'im').exec(response.head)?.[1]?.trim();
