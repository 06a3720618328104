/** Where and under which signal one build runs. */
export interface BuildContext {
  /** The empty partial release folder to write the static site into. */
  outDir: string;
  /**
   * The live release's folder (null when nothing is live): a build may copy from it what would
   * come out the same, and must not change it.
   */
  reuseFrom: string | null;
  /** Aborted when the build times out or the service stops; the runner should give up then. */
  signal: AbortSignal;
}

/** What a finished build tells the service besides its files. */
export interface BuildOutcome {
  /** Content the site left out (an unsafe link, say): the build went live, but editors must fix it. */
  warnings: string[];
  /** How long the build spent indexing for search (the real build reports it; fakes need not). */
  indexMs?: number;
}

/**
 * Builds the site into `outDir`, rejecting on failure. The real one runs `astro build` (see
 * astroBuildRunner); tests pass one that writes a small fake site.
 */
export type BuildRunner = (context: BuildContext) => Promise<BuildOutcome>;
