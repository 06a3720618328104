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
 * Calls `ready` every `intervalMs` until it says yes. Fails early when `exited` settles (the process
 * crashed: its own output says why) and after `timeoutMs`, saying what did not happen (`where`).
 */
export async function waitUntilReady(
  ready: () => Promise<boolean>,
  where: string,
  { what, timeoutMs, exited, intervalMs = 300 }: WaitOptions,
): Promise<void> {
  const state = { exited: false };
  void exited?.then(() => {
    state.exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.exited) throw new Error(`[start] ${what} stopped while starting; its output above says why.`);
    if (await ready()) return;
    await sleep(intervalMs);
  }
  throw new Error(`[start] ${what} did not ${where} within ${String(timeoutMs / 1000)} s.`);
}

/** Polls a health URL until it answers 2xx (see waitUntilReady). */
export const waitForHttp = (url: string, options: WaitOptions): Promise<void> =>
  waitUntilReady(
    () =>
      fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        // Not listening yet: keep polling.
        () => false,
      ),
    `answer at ${url}`,
    options,
  );

/** Waits for Strapi's health endpoint (204 when ready). */
export const waitForStrapi = (baseUrl: string, options: Omit<WaitOptions, 'what'>): Promise<void> =>
  waitForHttp(`${baseUrl}/_health`, { what: 'Strapi', ...options });
