import { setTimeout as sleep } from 'node:timers/promises';
import type { WriteEnv } from '@lm/shared';
import { strapiRequest } from '../lib/strapi-rest-client.js';

export interface PublishTarget {
  documentId: string;
  /** Where the page is served on the live site. */
  url: string;
}

/**
 * Publishes a title change to each target in turn and measures, for each, the time from the publish
 * API call returning to the served HTML containing the new title. Sequential, like an editor.
 */
export async function measurePublishLatency(
  env: WriteEnv,
  targets: PublishTarget[],
  timeoutMs = 120_000,
): Promise<number[]> {
  const latencies: number[] = [];
  for (const [index, target] of targets.entries()) {
    const marker = `Bench edit ${String(index + 1)} ${Date.now().toString(36)}`;
    await strapiRequest(
      env,
      'PUT',
      `/api/pages/${target.documentId}?status=published`,
      { data: { title: marker } },
      { prefix: '[bench]' },
    );
    const started = performance.now();
    for (;;) {
      const html = await (await fetch(target.url)).text();
      if (html.includes(marker)) break;
      if (performance.now() - started > timeoutMs)
        throw new Error(`[bench] ${target.url} did not show "${marker}" within ${String(timeoutMs / 1000)} s`);
      await sleep(50);
    }
    latencies.push(performance.now() - started);
  }
  return latencies;
}
