import type { BuildEntry, Fingerprint, HistoryEntry, RebuildStatus } from '@lm/shared';
import { BuildCoalescer, type Batch } from './build-coalescer.js';
import { buildRelease, type RunningBuild } from './build-release.js';
import type { BuildLock } from './build-lock.js';
import type { BuildRunner } from './build-runner.js';
import type { ContentReader } from './content-reader.js';
import { DeliveryLog } from './delivery-log.js';
import { describeError } from './describe-error.js';
import { sameFingerprint } from './fingerprint.js';
import type { Logger } from './logger.js';
import { decideRebuild, type RebuildDecision } from './rebuild-decision.js';
import type { ReleaseMeta } from './release-meta.js';
import type { ReleaseStore } from './release-store.js';
import type { Cancel, Scheduler } from './scheduler.js';
import { seconds } from './seconds.js';
import type { ServiceState } from './service-state.js';
import type { WebhookPayload } from './webhook-payload.js';

/** Builds listed in /status and kept in state.json. */
const HISTORY_SIZE = 20;

export interface RebuildServiceOptions {
  store: ReleaseStore;
  build: BuildRunner;
  content: ContentReader;
  scheduler: Scheduler;
  logger: Logger;
  debounceMs: number;
  maxWaitMs: number;
  /** 0 turns polling off (the startup check still runs). */
  reconcileIntervalMs: number;
  buildTimeoutMs: number;
  /**
   * Told after `live` changed (a deploy or a rollback), with the release now live. nginx reloads
   * here, to read the new release's redirect map (see scripts/nginx/nginx-site-config.ts). A
   * failure is logged and changes nothing else: the release is live already.
   */
  afterSwap?: (id: string) => Promise<void>;
  /** Held around each build, so rebuild services on several machines never build at once (build-lock.ts). */
  lock?: BuildLock;
}

/**
 * The rebuild pipeline: requests are coalesced into builds, each build goes into a new release
 * that is verified and swapped live atomically, and a periodic reconcile catches changes whose
 * webhook never arrived. Every failure leaves the live release as it was and is recorded.
 */
export class RebuildService {
  readonly #options: RebuildServiceOptions;
  readonly #coalescer: BuildCoalescer;
  #live: ReleaseMeta | null = null;
  #state: ServiceState = { lastBuilt: null, history: [] };
  #running: RunningBuild | null = null;
  /** The entries the running build's deliveries named. */
  #runningEntries: BuildEntry[] = [];
  /**
   * The entries of a batch the coalescer has handed over but whose build has not begun (it may be
   * waiting for the build lock): still queued as far as /status is concerned, or a poll between
   * two builds would see nothing running and nothing queued, and call the site settled.
   */
  #startingEntries: BuildEntry[] | null = null;
  #reconcile: RebuildStatus['reconcile'] = { lastAt: null, result: null, error: null };
  #reconciling: Promise<void> | null = null;
  #cancelReconcile: Cancel | null = null;
  /** Serialises changes of `live` (a deploy and a rollback must not interleave). */
  #swapQueue: Promise<unknown> = Promise.resolve();
  #stopped = false;
  readonly #deliveries = new DeliveryLog();

  constructor(options: RebuildServiceOptions) {
    this.#options = options;
    this.#coalescer = new BuildCoalescer({
      debounceMs: options.debounceMs,
      maxWaitMs: options.maxWaitMs,
      scheduler: options.scheduler,
      run: (batch) =>
        options.lock
          ? options.lock.hold(
              () => this.#build(batch),
              (error) => this.#running?.controller.abort(error),
            )
          : this.#build(batch),
      onError: (error) => {
        options.logger.error(`Unexpected error around a build: ${describeError(error)}`);
      },
    });
  }

  /**
   * Cleans up after a killed run (partial releases are removed and recorded as interrupted), loads
   * the live release, then checks Strapi in the background: a build starts if nothing is live or
   * the content changed. Returns without waiting for Strapi, which may be down.
   */
  async start(): Promise<void> {
    const { store, logger, scheduler } = this.#options;
    const leftovers = await store.prepare();
    this.#state = (await store.readState()) ?? this.#state;
    for (const leftover of leftovers) {
      logger.info(`Removed the partial release ${leftover.name}: the service stopped while building it.`);
      this.#record({
        id: leftover.name.replace(/\.partial$/, ''),
        trigger: 'unknown (interrupted)',
        requests: 0,
        startedAt: leftover.modifiedAt || new Date(scheduler.now()).toISOString(),
        durationMs: null,
        result: 'failed',
        error: 'The service stopped during this build; its partial release was removed at the next start.',
      });
    }
    if (leftovers.length > 0) await this.#saveState();
    this.#live = await store.live();
    logger.info(
      this.#live
        ? `Serving release ${this.#live.id} (built ${this.#live.builtAt}, ${this.#live.pageCount} pages).`
        : 'No release is live yet; the first build will create one.',
    );
    this.#runReconcile('startup');
  }

  /**
   * Takes a webhook delivery: decides whether it can change the public site, records the decision
   * for /status and asks for a build when it can. Returns the decision at once.
   */
  receive(payload: WebhookPayload): RebuildDecision {
    const decision = decideRebuild(payload);
    this.#deliveries.record(payload, decision, new Date(this.#options.scheduler.now()).toISOString());
    if (decision.rebuild) this.request(decision.trigger, buildEntryOf(payload));
    return decision;
  }

  /**
   * Asks for a build (coalesced with others); returns at once. `entry` is the entry a delivery
   * named, listed with the build in /status so the CMS can tell editors when their entry is live.
   */
  request(trigger: string, entry?: BuildEntry): void {
    if (this.#stopped) return;
    this.#coalescer.request(trigger, entry);
  }

  /**
   * Compares Strapi's published content with the last build and asks for a build when it differs
   * or nothing is live. When Strapi cannot answer, the live release stays and the next interval
   * retries.
   */
  async reconcile(reason: string): Promise<void> {
    const { content, scheduler, logger } = this.#options;
    // A build is coming anyway, and it stores a fresh fingerprint.
    if (this.#stopped || this.#coalescer.running || this.#coalescer.queued) return;
    const lastAt = new Date(scheduler.now()).toISOString();
    let current: Fingerprint;
    try {
      current = await content.fingerprint();
    } catch (error) {
      const message = describeError(error);
      this.#reconcile = { lastAt, result: 'failed', error: message };
      const retry = this.#options.reconcileIntervalMs
        ? `retrying in ${seconds(this.#options.reconcileIntervalMs)}`
        : 'polling is off (RECONCILE_INTERVAL_MS=0)';
      logger.error(`Cannot check the published content (${reason}); the live release stays, ${retry}. ${message}`);
      return;
    }
    const reference = this.#state.lastBuilt?.fingerprint ?? this.#live?.fingerprint ?? null;
    let why: string | null = null;
    if (!this.#live) why = 'nothing is live yet';
    else if (!reference || !sameFingerprint(reference, current)) why = 'the published content changed';
    this.#reconcile = { lastAt, result: why ? 'rebuild' : 'current', error: null };
    if (why) {
      logger.info(`Reconcile (${reason}): ${why}; building.`);
      this.request(`reconcile (${reason}): ${why}`);
    }
  }

  /**
   * Points live back at the previous kept release, without building. Returns it, or null when there
   * is no older release.
   */
  rollback(): Promise<ReleaseMeta | null> {
    return this.#exclusive(async () => {
      const from = this.#live?.id ?? 'nothing';
      const meta = await this.#options.store.rollback();
      if (meta) {
        this.#live = meta;
        this.#options.logger.info(`Rolled back from ${from} to release ${meta.id}.`);
        await this.#afterSwap(meta.id);
      }
      return meta;
    });
  }

  async #afterSwap(id: string): Promise<void> {
    try {
      await this.#options.afterSwap?.(id);
    } catch (error) {
      this.#options.logger.error(
        `Release ${id} is live, but the web server was not reloaded: ${describeError(error)}. Until it ` +
          'is, it redirects old addresses as the previous release did: check WEB_SERVER_RELOAD.',
      );
    }
  }

  /** A snapshot for GET /status. */
  status(): RebuildStatus {
    const live = this.#live;
    return {
      live: live
        ? { id: live.id, builtAt: live.builtAt, fingerprint: live.fingerprint, pageCount: live.pageCount }
        : null,
      running: this.#running
        ? {
            id: this.#running.id,
            trigger: this.#running.trigger,
            startedAt: this.#running.startedAt,
            entries: this.#runningEntries,
          }
        : null,
      queued: this.#coalescer.queued || this.#startingEntries !== null,
      queuedEntries: [...(this.#startingEntries ?? []), ...this.#coalescer.queuedEntries],
      history: this.#state.history,
      deliveries: this.#deliveries.list(),
      reconcile: this.#reconcile,
    };
  }

  /** Resolves once no build runs or waits (for tests and shutdown). */
  whenIdle(): Promise<void> {
    return this.#coalescer.whenIdle();
  }

  /** Stops polling, aborts the running build and waits for it to clean up. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancelReconcile?.();
    this.#running?.controller.abort(new Error('the rebuild service is stopping'));
    await this.#options.lock?.close();
    await this.#coalescer.dispose();
    await this.#reconciling;
  }

  #runReconcile(reason: string): void {
    this.#reconciling = this.reconcile(reason)
      .catch((error: unknown) => {
        this.#options.logger.error(`Reconcile failed: ${describeError(error)}`);
      })
      .finally(() => {
        this.#reconciling = null;
        const interval = this.#options.reconcileIntervalMs;
        if (interval > 0 && !this.#stopped) {
          this.#cancelReconcile = this.#options.scheduler.schedule(() => {
            this.#runReconcile('interval');
          }, interval);
        }
      });
  }

  async #build(batch: Batch): Promise<void> {
    const { store, build, content, scheduler, logger, buildTimeoutMs } = this.#options;
    this.#startingEntries = batch.entries;
    try {
      const { entry, built } = await buildRelease(
        {
          store,
          build,
          content,
          scheduler,
          logger,
          buildTimeoutMs,
          live: this.#live,
          onBegin: (running) => {
            this.#startingEntries = null;
            this.#running = running;
            this.#runningEntries = batch.entries;
          },
          goLive: (meta) =>
            this.#exclusive(async () => {
              const pruned = await store.publish(meta);
              this.#live = meta;
              await this.#afterSwap(meta.id);
              return pruned;
            }),
        },
        batch,
      );
      if (built) this.#state.lastBuilt = built;
      this.#record(batch.entries.length > 0 ? { ...entry, entries: batch.entries } : entry);
    } finally {
      this.#startingEntries = null;
      this.#running = null;
      this.#runningEntries = [];
      await this.#saveState();
    }
  }

  #record(entry: HistoryEntry): void {
    this.#state.history = [entry, ...this.#state.history].slice(0, HISTORY_SIZE);
  }

  async #saveState(): Promise<void> {
    try {
      await this.#options.store.writeState(this.#state);
    } catch (error) {
      this.#options.logger.error(
        `Cannot save state.json; /status history may be lost on restart. ${describeError(error)}`,
      );
    }
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#swapQueue.then(task);
    this.#swapQueue = result.catch(() => undefined);
    return result;
  }
}

/** The entry a delivery names, when Strapi sent both its type and its documentId. */
function buildEntryOf(payload: WebhookPayload): BuildEntry | undefined {
  const documentId = payload.entry?.documentId;
  if (payload.uid === undefined || typeof documentId !== 'string') return undefined;
  return { event: payload.event, uid: payload.uid, documentId };
}
