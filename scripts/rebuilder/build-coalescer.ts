import type { BuildEntry } from '@lm/shared';
import type { Cancel, Scheduler } from './scheduler.js';

/** The deliveries one build answers. */
export interface Batch {
  /** What asked first, e.g. `entry.publish api::page.page` or `reconcile`. */
  trigger: string;
  /** How many requests this build answers. */
  requests: number;
  /** When the first of them arrived (ms since the epoch). */
  firstAt: number;
  /** The entries the deliveries named, each once (a reconcile names none). */
  entries: BuildEntry[];
}

export interface BuildCoalescerOptions {
  /**
   * Quiet time after the latest request before the build starts, when a build ran or ended within
   * that time; the first request after a quiet spell starts its build at once.
   */
  debounceMs: number;
  /** Longest the first request of a burst waits, however long the burst goes on. */
  maxWaitMs: number;
  scheduler: Scheduler;
  /** Runs one build. Never called while a previous call is still running. */
  run: (batch: Batch) => Promise<void>;
  /** Told about a `run` that rejected anyway; the coalescer carries on. */
  onError?: (error: unknown) => void;
}

interface Pending extends Batch {
  /** The debounce window closed; the batch only waits for the running build to end. */
  due: boolean;
  /** Opened on an idle service: it starts at once, and requests in the same instant join it. */
  leading: boolean;
}

/**
 * Turns a stream of rebuild requests into as few builds as keep the site current: one build at a
 * time, every request that arrives while a build runs answered by exactly one follow-up build, and
 * a trailing debounce with a maximum wait for requests that come close together. A request is
 * never dropped: it either joins the pending batch or opens a new one.
 *
 * The first request after a quiet spell (nothing running, nothing pending, no build ended within
 * the debounce) builds at once: an editor's single publish is the common case, and waiting out a
 * debounce would add its whole length to every publish-to-live. A burst that follows costs at most
 * one extra build, its follow-up.
 */
export class BuildCoalescer {
  readonly #options: BuildCoalescerOptions;
  #pending: Pending | null = null;
  #cancelTimer: Cancel | null = null;
  #running: Promise<void> | null = null;
  #idleWaiters: Array<() => void> = [];
  #disposed = false;
  /** When the last build ended (scheduler time); none yet counts as long ago. */
  #lastEndedAt = Number.NEGATIVE_INFINITY;

  constructor(options: BuildCoalescerOptions) {
    this.#options = options;
  }

  /** A build is running now. */
  get running(): boolean {
    return this.#running !== null;
  }

  /** Requests are waiting for a build that has not started yet. */
  get queued(): boolean {
    return this.#pending !== null;
  }

  /** The entries the waiting batch's deliveries named; empty when nothing waits. */
  get queuedEntries(): BuildEntry[] {
    return this.#pending ? [...this.#pending.entries] : [];
  }

  /** Asks for a build, on behalf of `entry` when a delivery named one; returns at once. */
  request(trigger: string, entry?: BuildEntry): void {
    if (this.#disposed) return;
    const now = this.#options.scheduler.now();
    this.#pending ??= {
      trigger,
      requests: 0,
      firstAt: now,
      due: false,
      entries: [],
      leading: this.#running === null && now - this.#lastEndedAt >= this.#options.debounceMs,
    };
    this.#pending.requests += 1;
    if (entry) this.#pending.entries = withEntry(this.#pending.entries, entry);
    // Already due: it starts the moment the running build ends, so this request simply joins it.
    if (this.#pending.due) return;
    this.#cancelTimer?.();
    const startAt = this.#pending.leading
      ? this.#pending.firstAt
      : Math.min(now + this.#options.debounceMs, this.#pending.firstAt + this.#options.maxWaitMs);
    this.#cancelTimer = this.#options.scheduler.schedule(
      () => {
        this.#onDue();
      },
      Math.max(0, startAt - now),
    );
  }

  /** Resolves once no build runs and none is pending. */
  whenIdle(): Promise<void> {
    if (!this.#running && !this.#pending) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Stops scheduling: drops the pending batch (the next start's reconcile picks its changes up) and
   * resolves once the running build, if any, has ended.
   */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#pending = null;
    await this.#running;
    this.#notifyIfIdle();
  }

  #onDue(): void {
    this.#cancelTimer = null;
    if (!this.#pending) return;
    this.#pending.due = true;
    this.#startIfReady();
  }

  #startIfReady(): void {
    if (this.#running || this.#disposed || !this.#pending?.due) {
      this.#notifyIfIdle();
      return;
    }
    const { due: _due, leading: _leading, ...batch } = this.#pending;
    this.#pending = null;
    this.#running = this.#runSafely(batch).finally(() => {
      this.#running = null;
      this.#lastEndedAt = this.#options.scheduler.now();
      this.#startIfReady();
    });
  }

  async #runSafely(batch: Batch): Promise<void> {
    try {
      await this.#options.run(batch);
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  #notifyIfIdle(): void {
    if (this.#running || this.#pending) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** `entries` with `entry` last; an earlier event for the same document gives way to the newer one. */
function withEntry(entries: BuildEntry[], entry: BuildEntry): BuildEntry[] {
  const others = entries.filter((known) => known.uid !== entry.uid || known.documentId !== entry.documentId);
  return [...others, entry];
}
