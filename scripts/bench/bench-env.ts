import { z } from 'zod';
import { parseEnv } from '@lm/shared';
import { unsetIfEmpty, wholeNumber } from '../lib/whole-number.js';

/** What `npm run bench:build`, `bench:scale` and `bench:floor` read from the environment. */
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
  /** bench:floor: site sizes (pages, comma-separated, each a multiple of 100) built from a repeated snapshot. */
  BENCH_FLOOR_PAGES: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+(,\d+)*$/, 'BENCH_FLOOR_PAGES must be page counts separated by commas, e.g. 1000,10000.')
      .default('1000,10000')
      .transform((value) => value.split(',').map(Number))
      .refine(
        (sizes) => sizes.every((size) => size >= 100 && size % 100 === 0),
        'BENCH_FLOOR_PAGES must be multiples of 100 (the repeated site has 100 pages).',
      ),
  ),
});
export type BenchEnv = z.infer<typeof benchEnvSchema>;

export const readBenchEnv = (env: Record<string, string | undefined> = process.env): BenchEnv =>
  parseEnv(benchEnvSchema, env, '[bench]');
