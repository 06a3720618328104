import { compareReleaseIds } from './release-id.js';

/**
 * Which releases to delete: all but the newest `keep`, and never the live one (which after a
 * rollback may be older than those kept).
 */
export function selectPrunable(ids: readonly string[], liveId: string | null, keep: number): string[] {
  const newestFirst = [...ids].sort(compareReleaseIds).reverse();
  return newestFirst.slice(keep).filter((id) => id !== liveId);
}
