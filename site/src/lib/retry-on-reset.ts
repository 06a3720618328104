/** Socket errors after which a request was never answered: safe to send again when it only reads. */
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** Whether `error` is fetch's "fetch failed" for a connection the server closed or reset. */
export function isConnectionReset(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' && RESET_CODES.has(code);
}

/**
 * `fetchImpl`, sending a request again (up to `attempts` times in all) when the connection was
 * reset before an answer. Node's fetch reuses kept-alive sockets, and a server that closes an idle
 * one just as a request goes out resets it; with several requests in flight (a cold build) that
 * happened at 1,000 pages. Only for requests that read: the build's GraphQL queries.
 */
export function retryOnReset(fetchImpl: typeof fetch, attempts = 3): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fetchImpl(input, init);
      } catch (error) {
        if (attempt >= attempts || !isConnectionReset(error)) throw error;
      }
    }
  };
}
