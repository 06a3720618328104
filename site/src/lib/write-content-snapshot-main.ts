import path from 'node:path';
import { writeContentSnapshot } from './write-content-snapshot';

/**
 * `node --import tsx site/src/lib/write-content-snapshot-main.ts <file>`, with STRAPI_URL and
 * STRAPI_READ_TOKEN set: writes the published content to a snapshot file that a build reads with
 * SITE_CONTENT_SNAPSHOT=<file> (npm run bench:build runs it).
 */
async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (file === undefined) throw new Error('[site] Name the snapshot file to write: write-content-snapshot-main.ts <file>');
  const started = performance.now();
  const counts = await writeContentSnapshot(path.resolve(file));
  const what = Object.entries(counts)
    .map(([name, count]) => `${String(count)} ${name}`)
    .join(', ');
  console.log(`[site] Wrote ${what} to ${file} in ${String(Math.round(performance.now() - started))} ms.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error), error instanceof Error ? error.cause : '');
  process.exitCode = 1;
});
