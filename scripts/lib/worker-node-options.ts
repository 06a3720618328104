import { z } from 'zod';
import { parseEnv } from '@lm/shared';
import { unsetIfEmpty, wholeNumber } from './whole-number.js';

const workerEnvSchema = z.object({
  /**
   * The build worker's V8 heap limit in MiB; unset, Node's default (a share of the machine's memory).
   * V8 collects lazily while under its limit, so a build's resident memory is mostly garbage it has
   * not needed to collect yet: measured on a 10,000-page build from a snapshot, the peak was 2,027 MB
   * without a limit and 1,103 MB with 900.
   */
  BUILD_MAX_HEAP_MB: z.preprocess(unsetIfEmpty, wholeNumber('BUILD_MAX_HEAP_MB', 0, 128).optional()),
});

/**
 * The Node options a build worker starts with: a heap limit when BUILD_MAX_HEAP_MB is set, and
 * --expose-gc when the caller measures the heap after each build. Throws, naming the variable, when
 * BUILD_MAX_HEAP_MB is not a whole number of at least 128.
 */
export function workerNodeOptions(env: Record<string, string | undefined>, measureHeap: boolean): string[] {
  const { BUILD_MAX_HEAP_MB: heapMb } = parseEnv(workerEnvSchema, env, '[build]');
  return [
    ...(heapMb === undefined ? [] : [`--max-old-space-size=${String(heapMb)}`]),
    ...(measureHeap ? ['--expose-gc'] : []),
  ];
}
