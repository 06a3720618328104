import type { IncomingMessage } from 'node:http';

/** The outcome of reading a request body with a size limit. */
export type BodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'aborted'; error: unknown };

/**
 * Reads a request body, stopping as soon as it passes `limit` bytes (declared or actually sent), so
 * an oversized delivery costs at most `limit` bytes of memory.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the caller answers 413 and closes the connection.
        request.pause();
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      finish({ ok: true, body: Buffer.concat(chunks) });
    };
    const onError = (error: unknown): void => {
      finish({ ok: false, reason: 'aborted', error });
    };
    // The client went away before sending everything.
    const onClose = (): void => {
      finish({ ok: false, reason: 'aborted', error: new Error('the request was closed before its end') });
    };
    request.on('data', onData);
    request.on('close', onClose);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}
