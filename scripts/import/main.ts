import { parseArgs } from 'node:util';
import { parseEnv, writeEnvSchema } from '@lm/shared';
import { readDotenv } from '../lib/read-dotenv.js';
import { writeFile } from 'node:fs/promises';
import { fidelityReport, formatFidelity } from './fidelity-report.js';
import { progressFor } from './import-progress.js';
import { readTitlesFile } from './read-titles-file.js';
import { runImport, type ImportSummary } from './run-import.js';

const USAGE =
  'Usage: npm run import -- <files, folders or course-in-a-box sites> [--publish] [--dry-run] [--titles titles.yml] [--report report.json]';

/** Names listed per line of the summary. */
const LISTED = 10;

function printSummary(summary: ImportSummary, dryRun: boolean): void {
  // A thousand pages make a wall of names: the first few say enough, the fidelity report has all.
  const list = (items: string[]): string =>
    items.length === 0
      ? ''
      : `: ${items.slice(0, LISTED).join(', ')}${items.length > LISTED ? `, and ${String(items.length - LISTED)} more` : ''}`;
  const would = dryRun ? 'would be ' : '';
  console.log('');
  console.log(`[import] Summary${dryRun ? ' (dry run, nothing written)' : ''}`);
  console.log(`  ${would}created  ${summary.created.length}${list(summary.created)}`);
  console.log(`  ${would}updated  ${summary.updated.length}${list(summary.updated)}`);
  console.log(`  skipped  ${summary.skipped.length} (already up to date)${list(summary.skipped)}`);
  console.log(`  failed   ${summary.failed.length}`);
  for (const failure of summary.failed) console.log(`    ${failure.message}`);
  if (summary.warnings.length > 0) console.log(`  warnings ${summary.warnings.length} (listed above)`);
}

/** `npm run import`: Jekyll pages into the Strapi that .env points at. Exits 1 when a file failed. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      publish: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      titles: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const env = parseEnv(writeEnvSchema, readDotenv(), '[import]');
  const dryRun = values['dry-run'];
  const titles = values.titles === undefined ? new Map<string, string>() : await readTitlesFile(values.titles);
  const started = Date.now();
  // Bars on a terminal; in CI and pipes a count line every few seconds instead.
  const progress = progressFor(process.stdout);
  const summary = await runImport({
    titles,
    paths: positionals,
    publish: values.publish,
    dryRun,
    env,
    progress,
    log: (line) => {
      progress.log(line);
    },
  }).finally(() => {
    progress.stop();
  });
  printSummary(summary, dryRun);
  const report = fidelityReport(summary.fidelity);
  console.log('');
  for (const line of formatFidelity(report)) console.log(line);
  console.log(`[import] took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (values.report !== undefined) {
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`[import] fidelity report written to ${values.report}`);
  }
  if (summary.failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
