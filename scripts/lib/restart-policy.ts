/** What to do after a long-running part exited without being asked to. */
export type RestartDecision =
  /** Start it again after `delayMs`; this is restart `attempt` of at most `limit` within the window. */
  | { restart: true; attempt: number; limit: number; delayMs: number }
  /** It already restarted `limit` times within `windowMs`: leave it down. */
  | { restart: false; limit: number; windowMs: number };

export interface RestartPolicyOptions {
  /** Restarts allowed within `windowMs` (default 5). */
  maxRestarts?: number;
  /** The sliding window restarts are counted in (default 60 s). */
  windowMs?: number;
  /** Wait before the first restart in a window; doubles with each further one (default 1 s). */
  firstDelayMs?: number;
  /** The longest wait before a restart (default 10 s). */
  maxDelayMs?: number;
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
}

/**
 * Decides whether a crashed part is started again: at most `maxRestarts` times within any
 * `windowMs`, each after a longer wait, so a part that crashes at once gives up within the window
 * instead of looping, while one that crashes now and then is always brought back.
 */
export class RestartPolicy {
  readonly #maxRestarts: number;
  readonly #windowMs: number;
  readonly #firstDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #now: () => number;
  /** When each restart still inside the window was granted. */
  #restarts: number[] = [];

  constructor(options: RestartPolicyOptions = {}) {
    this.#maxRestarts = options.maxRestarts ?? 5;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#firstDelayMs = options.firstDelayMs ?? 1_000;
    this.#maxDelayMs = options.maxDelayMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Call once each time the part exits unexpectedly. */
  onExit(): RestartDecision {
    const now = this.#now();
    this.#restarts = this.#restarts.filter((at) => now - at < this.#windowMs);
    if (this.#restarts.length >= this.#maxRestarts) {
      return { restart: false, limit: this.#maxRestarts, windowMs: this.#windowMs };
    }
    this.#restarts.push(now);
    const attempt = this.#restarts.length;
    const delayMs = Math.min(this.#firstDelayMs * 2 ** (attempt - 1), this.#maxDelayMs);
    return { restart: true, attempt, limit: this.#maxRestarts, delayMs };
  }
}
