import { z } from 'zod';
import { parseEnv } from '@lm/shared';
import { wholeNumber } from '../lib/whole-number.js';

/** What `npm run bench:build` and `npm run bench:scale` read from the environment. */
const benchEnvSchema = z.object({
  /** bench:build: pages to generate (modules of 10 sections of 10 pages). */
  BENCH_PAGES: wholeNumber('BENCH_PAGES', 1000, 1),
  /** bench:build: cold builds of each kind (from Strapi, from the snapshot), alternated. */
  BENCH_RUNS: wholeNumber('BENCH_RUNS', 3, 1),
  /** bench:scale: the generated content's shape. */
  BENCH_SCALE_MODULES: wholeNumber('BENCH_SCALE_MODULES', 100, 1),
  BENCH_SCALE_SECTIONS: wholeNumber('BENCH_SCALE_SECTIONS', 10, 1),
  BENCH_SCALE_PAGES: wholeNumber('BENCH_SCALE_PAGES', 10, 1),
  /** bench:scale: builds in one warm worker whose memory is followed. */
  BENCH_SCALE_BUILDS: wholeNumber('BENCH_SCALE_BUILDS', 50, 1),
  /** bench:scale: publishes measured for publish-to-live. */
  BENCH_PUBLISHES: wholeNumber('BENCH_PUBLISHES', 12, 1),
});
export type BenchEnv = z.infer<typeof benchEnvSchema>;

export const readBenchEnv = (env: Record<string, string | undefined> = process.env): BenchEnv =>
  parseEnv(benchEnvSchema, env, '[bench]');
