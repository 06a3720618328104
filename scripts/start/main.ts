import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  parseEnv,
  previewServerEnvSchema,
  readEnvSchema,
  rebuildStatusSchema,
  writeEnvSchema,
  type RebuildStatus,
  type WriteEnv,
} from '@lm/shared';
import { runImport } from '../import/run-import.js';
import { countDocuments } from '../lib/strapi-rest-client.js';
import { ChildGroup, type Part } from '../lib/child-group.js';
import { appendMissingEnvKeys, ensureEnvFile } from '../lib/ensure-env-file.js';
import { firstStartValues } from '../lib/first-start-values.js';
import { envExamplePath, envPath, repoRoot } from '../lib/paths.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { parseSiteServerConfig } from '../lib/site-server-config.js';
import { urlHost } from '../lib/site-server.js';
import { parseRebuilderConfig } from '../rebuilder/rebuilder-config.js';
import { startParts, type StartConfig } from './start-parts.js';
import { StartLog } from './start-log.js';
import { startSummary } from './start-summary.js';
import { waitForAdmin, waitForSiteAnswer } from './wait-for-answers.js';

const demoDir = fileURLToPath(new URL('./demo', import.meta.url));
/** `npm start -- --verbose` shows every part's output live, as the log file has it. */
const verbose = process.argv.includes('--verbose');
const startLog = new StartLog(path.join(repoRoot, 'logs', 'start.log'));
/** A step's line: on the terminal and in the log. */
const log = (line: string): void => {
  console.log(line);
  startLog.write(line);
};
/** Detail: in the log, and on the terminal only with --verbose. */
const detail = (line: string): void => {
  if (verbose) console.log(line);
  startLog.write(line);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** Time since this process began, which is within a moment of `npm start` being typed. */
const sinceStart = (): string => seconds(performance.now());
const logHint = path.relative(process.cwd(), startLog.file) || startLog.file;

/**
 * Polls the rebuild service until a release is live and nothing is building or queued, or a build
 * failed with nothing live. Returns the last status (null if the service never answered).
 */
async function waitForSite(statusUrl: string, exited: Promise<unknown>): Promise<RebuildStatus | null> {
  const state = { exited: false };
  void exited.then(() => {
    state.exited = true;
  });
  let status: RebuildStatus | null = null;
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline && !state.exited) {
    try {
      const response = await fetch(statusUrl, { signal: AbortSignal.timeout(2_000) });
      const parsed = rebuildStatusSchema.safeParse(await response.json());
      if (parsed.success) {
        status = parsed.data;
        const idle = !status.running && !status.queued;
        if (idle && status.live) return status;
        if (idle && status.history[0]?.result === 'failed') return status;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  return status;
}

/** Writes `.env` with fresh secrets on first run, or adds the keys `.env.example` gained since. */
function prepareEnvFile(): void {
  const chosen = firstStartValues(process.env);
  if (ensureEnvFile(envPath, envExamplePath, chosen)) {
    log('[start] Wrote .env with fresh random secrets (git-ignored; keep it private).');
    const names = Object.keys(chosen);
    if (names.length > 0) log(`[start] Took ${names.join(', ')} from the command line into .env.`);
  } else {
    const added = appendMissingEnvKeys(envPath, envExamplePath);
    if (added.length > 0) log(`[start] Added to .env from .env.example (fresh secrets): ${added.join(', ')}.`);
  }
}

/** Starts the parts one after the other, each once the one before is ready, saying when each is up. */
async function startPartsInOrder(
  children: ChildGroup,
  env: Record<string, string | undefined>,
  config: StartConfig,
): Promise<Map<string, Part>> {
  const parts = new Map<string, Part>();
  for (const part of startParts(env, config)) {
    await part.prepare?.(log);
    const started = performance.now();
    log(part.starting);
    const running = children.spawn(part.name, part.command, part.args, { cwd: part.cwd, env: part.env });
    parts.set(part.name, running);
    try {
      await part.ready(running.down);
    } catch (error) {
      const lines = startLog.lastLines(part.name);
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n` +
          (lines ? `Its last lines:\n${lines}\n` : '') +
          `Everything it printed is in ${logHint}.`,
        { cause: error },
      );
    }
    if (part.name === 'site') {
      const live = existsSync(path.join(config.site.RELEASES_DIR, 'live'));
      log(
        live
          ? `[start] The site answers on http://localhost:${config.site.SITE_PORT} with the last live release (${sinceStart()} after npm start) while the rest starts.`
          : '[start] The site server is up; nothing is live yet (the first build is served as soon as it is done).',
      );
    } else {
      log(`[start] ${part.what} is up in ${seconds(performance.now() - started)}.`);
      if (part.name === 'cms') await waitForAdmin(`${config.strapiUrl}/admin`, running.down);
      if (part.name === 'cms') log(`[start] The admin answers (${sinceStart()} after npm start).`);
    }
  }
  return parts;
}

/** On first run, when Strapi holds no module, imports and publishes the demo module. */
async function importDemoIfEmpty(write: WriteEnv): Promise<void> {
  if ((await countDocuments(write, 'modules', { prefix: '[start]' })) !== 0) return;
  const started = performance.now();
  log('[start] No content yet: importing and publishing the demo module…');
  const summary = await runImport({
    paths: [demoDir],
    publish: true,
    dryRun: false,
    env: write,
    log: (line) => {
      detail(line);
    },
  });
  if (summary.failed.length > 0) {
    for (const failure of summary.failed) log(`[start] ${failure.file}: ${failure.message}`);
    throw new Error(`[start] The demo content did not import; the import's output is in ${logHint}.`);
  }
  const pages = summary.created.length + summary.updated.length;
  log(`[start] Imported and published the demo module (${String(pages)} pages) in ${seconds(performance.now() - started)}.`);
}

/**
 * `npm start`: the site server (the last live release, at once), Strapi on SQLite, the rebuild
 * service, which builds the site when needed and rebuilds on every publish, and the demo content
 * on first run. A part that crashes is restarted (5 times a minute at most). Ctrl-C stops
 * everything.
 */
async function main(): Promise<void> {
  prepareEnvFile();
  const env = readDotenv();
  const read = parseEnv(readEnvSchema, env, '[start]');
  const write = parseEnv(writeEnvSchema, env, '[start]');
  // Checked here too, so a bad value stops everything before anything starts.
  const rebuild = parseRebuilderConfig(env, repoRoot);
  const site = parseSiteServerConfig(env, repoRoot);
  const preview = parseEnv(previewServerEnvSchema, env, '[start]');

  // The site server, the rebuild service and the preview server prefix their own lines; do not print the prefix twice.
  const children = new ChildGroup({
    write: (line) => {
      const clean = line.replace(/^\[(site|rebuild|preview)\] \[\1\] /, '[$1] ');
      // The group's own messages (restarts, stopping) are steps; the parts' output is detail.
      if (clean.startsWith('[start]')) log(clean);
      else detail(clean);
    },
    outputWhere: `in ${logHint}`,
  });
  children.stopOnSignals();
  const apiHost = urlHost(rebuild.REBUILD_HOST);
  const apiUrl = `http://${apiHost}:${rebuild.REBUILD_PORT}`;
  const parts = await startPartsInOrder(children, env, {
    site,
    strapiUrl: read.STRAPI_URL,
    rebuildApiUrl: apiUrl,
    preview: { host: preview.PREVIEW_HOST, port: preview.PREVIEW_PORT },
  });
  const rebuilder = parts.get('rebuild')?.down ?? Promise.resolve();

  await importDemoIfEmpty(write);

  const statusUrl = `http://${apiHost === '127.0.0.1' ? 'localhost' : apiHost}:${rebuild.REBUILD_PORT}/status`;
  log('[start] Waiting for the site to be built and live…');
  const status = await waitForSite(`${apiUrl}/status`, rebuilder);
  if (!status) throw new Error(`[start] The rebuild service did not start; its output is in ${logHint}.`);
  if (status.live) {
    await waitForSiteAnswer(`http://localhost:${site.SITE_PORT}/`);
    log(`[start] The site answers with the live release (${sinceStart()} after npm start).`);
  } else {
    log(`[start] The site is not live yet: ${status.history[0]?.error ?? `see ${logHint}`}`);
  }

  const summary = startSummary({
    siteUrl: `http://localhost:${site.SITE_PORT}`,
    adminUrl: `${read.STRAPI_URL}/admin`,
    statusUrl,
    previewUrl: preview.PREVIEW_URL,
    env,
  });
  for (const line of summary) log(line);
  log(`  Log      ${logHint}   (every part's output; npm start -- --verbose shows it live)`);
}

main().catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  startLog.write(message);
  await startLog.close();
  process.exit(1);
});
