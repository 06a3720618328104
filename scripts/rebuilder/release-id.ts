/** Release folder names: UTC time to the millisecond, plus `-N` if that name was taken. */
export const RELEASE_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?$/;

/**
 * A new release's id. Ids sort by name in the order the releases were started, which is what
 * retention and rollback rely on ("the previous release" is the previous name).
 */
export function releaseId(now: number, taken: ReadonlySet<string>): string {
  const base = new Date(now).toISOString().replace(/[:.]/g, '-');
  if (!taken.has(base)) return base;
  for (let suffix = 1; ; suffix += 1) {
    const id = `${base}-${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/** Orders release ids oldest first. */
export function compareReleaseIds(left: string, right: string): number {
  // Lexical order is time order for the timestamp part; a suffix sorts after its bare timestamp.
  return left < right ? -1 : left > right ? 1 : 0;
}
