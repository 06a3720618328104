/**
 * What a finished build no longer needs but would keep alive. A warm build worker imports every
 * build's server bundle anew (scripts/lib/scratch-dir.ts), and Node keeps every imported module
 * for the life of the process: so whatever a bundle's modules hold at their top level (the parsed
 * content store, the content graph) stayed in memory after each build, for every build. Those
 * modules register here how to let go of it, and the worker calls them once a build is done.
 */

declare global {
  // A global's type can only be declared with `var`. Shared by the bundles' copies of this module.
  var learningModulesBuildReleases: Array<() => void> | undefined;
}

/** The global's name, for code generated into a bundle (see site/integrations/data-store-from-disk.ts). */
export const BUILD_RELEASES_GLOBAL = 'learningModulesBuildReleases';

/** Registers `release`, to be called when the build under way is done. */
export function releaseAfterBuild(release: () => void): void {
  globalThis.learningModulesBuildReleases ??= [];
  globalThis.learningModulesBuildReleases.push(release);
}

/** Calls (and forgets) every release registered so far; returns how many. */
export function releaseBuildMemory(): number {
  const releases = globalThis.learningModulesBuildReleases ?? [];
  globalThis.learningModulesBuildReleases = [];
  for (const release of releases) release();
  return releases.length;
}
