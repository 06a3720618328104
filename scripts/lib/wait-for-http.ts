import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What is being waited for, for messages ("Strapi", "The rebuild service"). */
  what: string;
  timeoutMs: number;
  /** Settles when the process behind the URL exits: then waiting stops at once. */
  exited?: Promise<unknown>;
  intervalMs?: number;
}

/**
 * Polls a health URL until it answers 2xx. Fails early when `exited` settles (the process crashed:
 * its own output says why) and after `timeoutMs`.
 */
export async function waitForHttp(
  url: string,
  { what, timeoutMs, exited, intervalMs = 300 }: WaitOptions,
): Promise<void> {
  const state = { exited: false };
  void exited?.then(() => {
    state.exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.exited) throw new Error(`[start] ${what} stopped while starting; its output above says why.`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not listening yet: keep polling.
    }
    await sleep(intervalMs);
  }
  throw new Error(`[start] ${what} did not answer at ${url} within ${String(timeoutMs / 1000)} s.`);
}

/** Waits for Strapi's health endpoint (204 when ready). */
export const waitForStrapi = (baseUrl: string, options: Omit<WaitOptions, 'what'>): Promise<void> =>
  waitForHttp(`${baseUrl}/_health`, { what: 'Strapi', ...options });
