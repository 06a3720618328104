/**
 * Warnings a site build raises about content it left out (an unsafe link, say), for the rebuild
 * service to show in /status. The content loaders run inside the build's process, but Vite loads
 * them as modules of their own, so a module-level list would be a different list from the one the
 * build worker reads: the warnings live on `globalThis` instead.
 */

/** Warnings by source (a collection's name), so a loader replaces its own on every build. */
type Registry = Map<string, readonly string[]>;

declare global {
  // A global's type can only be declared with `var`.
  var learningModulesBuildWarnings: Registry | undefined;
}

function registry(): Registry {
  globalThis.learningModulesBuildWarnings ??= new Map();
  return globalThis.learningModulesBuildWarnings;
}

/** Sets the warnings of one source for the build under way (an empty list clears them). */
export function setBuildWarnings(source: string, warnings: readonly string[]): void {
  registry().set(source, [...warnings]);
}

/** Every warning the build raised, and forgets them, so the next build starts empty. */
export function takeBuildWarnings(): string[] {
  const all = [...registry().values()].flat();
  registry().clear();
  return all;
}
