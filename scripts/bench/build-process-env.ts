/**
 * What a benchmark's build processes inherit from the benchmark's own environment: PATH, and the
 * build worker's heap limit (BUILD_MAX_HEAP_MB), so `BUILD_MAX_HEAP_MB=900 npm run bench:…` measures
 * builds as a rebuild service with that setting runs them. Nothing else leaks in: builds read
 * Strapi's address and token from what the benchmark passes.
 */
export function buildProcessEnv(): Record<string, string | undefined> {
  return { PATH: process.env.PATH, BUILD_MAX_HEAP_MB: process.env.BUILD_MAX_HEAP_MB };
}
