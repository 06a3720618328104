import type { RebuildStatus } from '@lm/shared';
import { rebuildStatusSchema } from '../../utils/shared';

/** An admin request waits no longer than this for the rebuild service. */
const TIMEOUT_MS = 3000;

/** The rebuild service's /status, or why it could not be read. */
export type RebuildStatusAnswer = { status: RebuildStatus } | { status: null; problem: string };

/**
 * Asks the rebuild service's GET /status, which needs no secret: the secret stays with the
 * webhook and never travels towards the browser. Never throws: a service that is down, slow or
 * answers something else is a state the admin shows, not an error.
 */
export async function fetchRebuildStatus(url: string | null): Promise<RebuildStatusAnswer> {
  if (url === null) return { status: null, problem: 'no rebuild service is configured (REBUILD_WEBHOOK_URL is empty)' };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return { status: null, problem: `${url} answered ${String(response.status)}` };
    const parsed = rebuildStatusSchema.safeParse(await response.json());
    if (!parsed.success) return { status: null, problem: `${url} answered something that is not a rebuild status` };
    return { status: parsed.data };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: null, problem: `${url} did not answer (${message})` };
  }
}
