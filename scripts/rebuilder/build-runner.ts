/** Where and under which signal one build runs. */
export interface BuildContext {
  /** The empty partial release folder to write the static site into. */
  outDir: string;
  /** Aborted when the build times out or the service stops; the runner should give up then. */
  signal: AbortSignal;
}

/**
 * Builds the site into `outDir`, rejecting on failure. The real one runs `astro build`; tests pass
 * one that writes a small fake site.
 */
export type BuildRunner = (context: BuildContext) => Promise<void>;
