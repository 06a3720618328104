import { rebuildStatusSchema, type RebuildStatus } from '@lm/shared';

/**
 * GET /status of a running rebuild service, parsed with the schema the service builds its answer
 * from, so a test reads exactly what `npm start` and operators read.
 */
export async function fetchRebuildStatus(apiUrl: string): Promise<RebuildStatus> {
  const response = await fetch(`${apiUrl}/status`);
  if (!response.ok) throw new Error(`[test] GET ${apiUrl}/status answered ${String(response.status)}`);
  return rebuildStatusSchema.parse(await response.json());
}
