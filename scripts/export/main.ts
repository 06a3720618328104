import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { parseSiteServerConfig } from '../lib/site-server-config.js';
import { exportRelease } from './export-release.js';

const USAGE = `Usage: npm run export -- <dir> [--force] [--releases-dir <dir>]

Writes the live release (RELEASES_DIR/live, from .env) into <dir> as a self-contained folder
that any static host or CDN can serve.

  --force               replace what <dir> holds (without it, <dir> must be new or empty)
  --releases-dir <dir>  the releases folder (default: RELEASES_DIR from .env)`;

/** `npm run export`: copies the live release out for a static host (see export-release.ts). */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      'releases-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) {
    throw new Error(`[export] Name exactly one folder to write the export into.\n\n${USAGE}`);
  }
  const releasesDir = values['releases-dir'] ?? parseSiteServerConfig(readDotenv(), repoRoot).RELEASES_DIR;
  const result = await exportRelease({ releasesDir: path.resolve(releasesDir), target, force: values.force });
  console.log(
    `[export] Release ${result.release}: ${result.files} files (${Math.round(result.bytes / 1024)} KiB) and ` +
      `${result.redirects} redirects written to ${path.resolve(target)}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
