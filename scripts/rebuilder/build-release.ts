import type { Fingerprint, HistoryEntry } from '@lm/shared';
import type { Batch } from './build-coalescer.js';
import type { BuildRunner } from './build-runner.js';
import type { ContentReader } from './content-reader.js';
import { describeError } from './describe-error.js';
import type { Logger } from './logger.js';
import type { ReleaseMeta } from './release-meta.js';
import type { ReleaseStore } from './release-store.js';
import type { Scheduler } from './scheduler.js';
import { seconds } from './seconds.js';
import { verifyRelease } from './verify-release.js';

/** The build in progress, as /status shows it and `stop()` aborts it. */
export interface RunningBuild {
  id: string;
  trigger: string;
  startedAt: string;
  controller: AbortController;
}

/** What one build needs from the service that runs it. */
export interface ReleaseBuildContext {
  store: ReleaseStore;
  build: BuildRunner;
  content: ContentReader;
  scheduler: Scheduler;
  logger: Logger;
  buildTimeoutMs: number;
  /** The release live when the build starts; the build may reuse its unchanged output. */
  live: ReleaseMeta | null;
  /** Told as soon as the release folder exists, so /status can show the build and stop can abort it. */
  onBegin: (running: RunningBuild) => void;
  /** Makes a verified release live (serialised with rollbacks); returns the ids of pruned releases. */
  goLive: (meta: ReleaseMeta) => Promise<string[]>;
}

/** How a build ended: its history entry, and what it went live with on success. */
export interface ReleaseBuildResult {
  entry: HistoryEntry;
  built: { id: string; fingerprint: Fingerprint } | null;
}

/**
 * Builds one release for a batch of requests: a new partial folder, the site built into it, the
 * result checked against the published content, then swapped live. Never throws: a failure (or a
 * timeout, or a stop) discards the partial release, leaves the live one as it was and is returned
 * as a failed entry with the reason.
 */
export async function buildRelease(context: ReleaseBuildContext, batch: Batch): Promise<ReleaseBuildResult> {
  const { store, scheduler, logger } = context;
  const started = scheduler.now();
  const startedAt = new Date(started).toISOString();
  const base = { trigger: batch.trigger, requests: batch.requests, startedAt };
  let id = `unstarted-${started}`;
  const controller = new AbortController();
  const cancelTimeout = scheduler.schedule(() => {
    controller.abort(new Error(`the build took longer than ${seconds(context.buildTimeoutMs)}`));
  }, context.buildTimeoutMs);
  try {
    const release = await store.begin(started);
    id = release.id;
    context.onBegin({ id, trigger: batch.trigger, startedAt, controller });
    const requests = batch.requests > 1 ? `, ${batch.requests} requests` : '';
    logger.info(`Building release ${id} (${batch.trigger}${requests})…`);
    const { meta, warnings, indexMs } = await produceRelease(context, {
      id,
      dir: release.dir,
      started,
      batch,
      controller,
    });
    const pruned = await context.goLive(meta);
    for (const warning of warnings) logger.info(`Warning: ${warning}`);
    const prunedNote = pruned.length > 0 ? `; removed ${pruned.length} old release(s)` : '';
    logger.info(`Live: release ${id}, ${meta.pageCount} pages, built in ${seconds(meta.durationMs)}${prunedNote}.`);
    const entry: HistoryEntry = { id, ...base, durationMs: meta.durationMs, result: 'success' };
    if (warnings.length > 0) entry.warnings = warnings;
    if (indexMs !== undefined) entry.indexMs = indexMs;
    return { entry, built: { id, fingerprint: meta.fingerprint } };
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    const message = controller.signal.aborted ? `Aborted: ${describeError(reason ?? error)}` : describeError(error);
    await store.discard(id).catch(() => undefined);
    logger.error(`Build ${id} failed; release ${context.live?.id ?? '(none)'} stays live. ${message}`);
    const entry: HistoryEntry = {
      id,
      ...base,
      durationMs: scheduler.now() - started,
      result: 'failed',
      error: message,
    };
    return { entry, built: null };
  } finally {
    cancelTimeout();
  }
}

interface ReleaseInProgress {
  id: string;
  dir: string;
  started: number;
  batch: Batch;
  controller: AbortController;
}

/** Builds into the partial folder and verifies it; returns what the release is, not yet live. */
async function produceRelease(
  context: ReleaseBuildContext,
  release: ReleaseInProgress,
): Promise<{ meta: ReleaseMeta; warnings: string[]; indexMs: number | undefined }> {
  const { store, content, scheduler } = context;
  const { signal } = release.controller;
  // Asked for as the build starts, before its loaders read: if content changes during the build,
  // the stored fingerprint is older than the content, so the next reconcile rebuilds rather than
  // missing the change. Read alongside the build, which does not need it.
  const expected = (async () => ({
    fingerprint: await content.fingerprint(),
    contents: await content.releaseContents(),
  }))();
  // Handled below; this only keeps a failure during the build from being reported as unhandled.
  expected.catch(() => undefined);
  const reuseFrom = context.live ? store.releaseDir(context.live.id) : null;
  const outcome = await context.build({ outDir: release.dir, reuseFrom, signal });
  signal.throwIfAborted();
  const { fingerprint, contents } = await expected;
  const pageCount = await verifyRelease(release.dir, contents);
  const meta: ReleaseMeta = {
    id: release.id,
    builtAt: new Date(scheduler.now()).toISOString(),
    fingerprint,
    pageCount,
    trigger: release.batch.trigger,
    durationMs: scheduler.now() - release.started,
  };
  return { meta, warnings: [...contents.unreachable, ...outcome.warnings], indexMs: outcome.indexMs };
}
