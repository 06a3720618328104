import { inject } from 'vitest';
import { REBUILD_SECRET_HEADER, type RebuildStatus } from '@lm/shared';
import { fetchStatus } from '../../../scripts/lib/demo-site.js';
import { z } from 'zod';
import type {} from './provided-context.js';

/** The webhook's answer to a delivery it accepted. */
const queuedSchema = z.object({ queued: z.boolean() });

/** Longest wait for a change to go live: a debounce, an incremental build and a swap. */
const LIVE_TIMEOUT_MS = 240_000;

/** Base URL of the live demo site, without a trailing slash (append `pageUrl(...)`). */
export const siteUrl = (): string => inject('siteUrl');

/** Base URL of the rebuild service's HTTP API (GET /status, POST /hooks/strapi). */
export const rebuilderUrl = (): string => inject('rebuilderUrl');

/** STRAPI_URL and STRAPI_WRITE_TOKEN of the test Strapi, for `runImport` or the REST client. */
export const strapiWriteEnv = (): Record<string, string> => inject('strapiWriteEnv');

/**
 * Runs `change` against Strapi (a publish, an unpublish…) and resolves once the rebuild service
 * has put live a release whose build started after the change began. Fails with the build's error
 * when that build failed, and with the latest deliveries when no build came.
 */
export async function publishAndWaitLive(change: () => Promise<void>): Promise<void> {
  const apiUrl = rebuilderUrl();
  const changedAt = new Date().toISOString();
  await change();
  const deadline = Date.now() + LIVE_TIMEOUT_MS;
  for (;;) {
    const status = await fetchStatus(apiUrl);
    if (liveAfter(status, changedAt)) return;
    const failed = status.history.find((entry) => entry.startedAt >= changedAt && entry.result === 'failed');
    if (failed) throw new Error(`[e2e] the rebuild after the change failed: ${failed.error ?? 'no reason given'}`);
    if (Date.now() > deadline) {
      throw new Error(
        `[e2e] no release built after ${changedAt} went live within ${String(LIVE_TIMEOUT_MS)} ms; latest deliveries: ${JSON.stringify(status.deliveries.slice(0, 3))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Whether the live release was built by a build that started at or after `since`, and nothing else
 * is running or waiting (so the next request sees the final state). ISO strings compare in order.
 */
function liveAfter(status: RebuildStatus, since: string): boolean {
  if (!status.live || status.running || status.queued) return false;
  const liveId = status.live.id;
  return status.history.some((entry) => entry.id === liveId && entry.result === 'success' && entry.startedAt >= since);
}

/**
 * Forces a rebuild (a correctly signed publish delivery to the rebuild service's webhook, as Strapi
 * sends it) and resolves when the new release is live.
 */
export async function rebuildAndWaitLive(): Promise<void> {
  await publishAndWaitLive(async () => {
    const response = await fetch(`${rebuilderUrl()}/hooks/strapi`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REBUILD_SECRET_HEADER]: inject('webhookSecret') },
      body: JSON.stringify({
        event: 'entry.publish',
        createdAt: new Date().toISOString(),
        model: 'page',
        uid: 'api::page.page',
        entry: { id: 0 },
      }),
    });
    const body = await response.text();
    const answer = queuedSchema.safeParse(JSON.parse(body));
    if (response.status !== 202 || !answer.success || !answer.data.queued) {
      throw new Error(`[e2e] the rebuild service refused the forced rebuild: ${String(response.status)} ${body}`);
    }
  });
}
