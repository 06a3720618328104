import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls Strapi's health endpoint until it answers 204. Fails early when `exited` settles (Strapi
 * crashed: its own output says why) and after `timeoutMs`.
 */
export async function waitForStrapi(
  baseUrl: string,
  options: { timeoutMs: number; exited?: Promise<unknown> },
): Promise<void> {
  const state = { crashed: false };
  void options.exited?.then(() => {
    state.crashed = true;
  });
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (state.crashed) throw new Error('[start] Strapi stopped while starting; its output above says why.');
    try {
      const response = await fetch(`${baseUrl}/_health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 204 || response.ok) return;
    } catch {
      // Not listening yet: keep polling.
    }
    await sleep(300);
  }
  throw new Error(`[start] Strapi did not answer at ${baseUrl} within ${options.timeoutMs / 1000} s.`);
}
