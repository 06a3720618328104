import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { pageUrl } from '@lm/shared';
import type { GeneratedContent } from '../lib/generate-content.js';
import { freePort } from '../lib/free-port.js';
import { startSiteServer } from '../lib/site-server.js';
import type { ThrowawayStrapi } from '../lib/throwaway-strapi.js';
import { runRebuilder } from '../rebuilder/run-rebuilder.js';
import { measurePublishLatency } from './measure-publish-latency.js';
import { buildProcessEnv } from './build-process-env.js';

const statusSchema = z.object({ live: z.unknown().nullable(), running: z.unknown().nullable(), queued: z.boolean() });

/** Waits until a release is live and nothing is building or queued. */
async function waitForLive(apiUrl: string, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const current = statusSchema.parse(await (await fetch(`${apiUrl}/status`)).json());
    if (current.live && current.running === null && !current.queued) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`[bench] no release went live within ${String(timeoutMs / 1000)} s`);
}

/**
 * Publish-to-live latency of `publishes` page edits spread over the site, with the rebuild
 * service (its own warm worker, as in production) and the site server running. `strapi` must
 * have been started with REBUILD_WEBHOOK_URL at `webhookPort` and REBUILD_WEBHOOK_SECRET `secret`.
 */
export async function livePublishLatency(options: {
  strapi: ThrowawayStrapi;
  content: GeneratedContent;
  publishes: number;
  webhookPort: number;
  secret: string;
}): Promise<number[]> {
  const { strapi, content, publishes } = options;
  const sitePort = await freePort();
  const releasesDir = await mkdtemp(path.join(tmpdir(), 'lm-bench-scale-releases-'));
  const rebuilder = await runRebuilder({
    env: {
      ...buildProcessEnv(),
      ...strapi.read,
      REBUILD_WEBHOOK_SECRET: options.secret,
      REBUILD_PORT: String(options.webhookPort),
      SITE_PORT: String(sitePort),
      RELEASES_DIR: releasesDir,
      RECONCILE_INTERVAL_MS: '0',
    },
    logger: {
      info: () => undefined,
      error: (message) => {
        console.error(message);
      },
    },
  });
  const site = await startSiteServer({ releasesDir, host: '127.0.0.1', port: sitePort });
  try {
    // The first release is a full build: at 10,000 pages it takes a while.
    await waitForLive(rebuilder.apiUrl, 1_800_000);
    const step = Math.max(1, Math.floor(content.pages.length / publishes));
    const targets = Array.from(
      { length: publishes },
      (_, index) => content.pages[(index * step) % content.pages.length],
    )
      .filter((page) => page !== undefined)
      .map((page) => ({ documentId: page.documentId, url: `${site.url}${pageUrl(page.moduleSlug, page.slug)}` }));
    return await measurePublishLatency(strapi.write, targets);
  } finally {
    await rebuilder.stop();
    await site.stop();
    await rm(releasesDir, { recursive: true, force: true });
  }
}
