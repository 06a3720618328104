import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { parseEnv, readEnvSchema, writeEnvSchema } from '@lm/shared';
import { runImport } from '../import/run-import.js';
import { countDocuments } from '../import/strapi-rest-client.js';
import { ChildGroup } from '../lib/child-group.js';
import { appendMissingEnvKeys, ensureEnvFile } from '../lib/ensure-env-file.js';
import { cmsDir, envExamplePath, envPath, repoRoot } from '../lib/paths.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { waitForHttp, waitForStrapi } from '../lib/wait-for-http.js';
import { parseRebuilderConfig } from '../rebuilder/rebuilder-config.js';

const demoDir = fileURLToPath(new URL('./demo', import.meta.url));
const rebuilderEntry = fileURLToPath(new URL('../rebuilder/main.ts', import.meta.url));
const log = (line: string): void => {
  console.log(line);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Polls the rebuild service until a release is live and nothing is building or queued, or a build
 * failed with nothing live. Returns the last status (null if the service never answered).
 */
async function waitForSite(statusUrl: string, exited: Promise<unknown>): Promise<Status | null> {
  const state = { exited: false };
  void exited.then(() => {
    state.exited = true;
  });
  let status: Status | null = null;
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline && !state.exited) {
    try {
      const response = await fetch(statusUrl, { signal: AbortSignal.timeout(2_000) });
      const parsed = statusSchema.safeParse(await response.json());
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

/** The part of GET /status this script reads. */
const statusSchema = z.object({
  live: z.object({ id: z.string() }).nullable(),
  running: z.object({ trigger: z.string() }).nullable(),
  queued: z.boolean(),
  history: z.array(z.object({ result: z.enum(['success', 'failed']), error: z.string().optional() })),
});
type Status = z.infer<typeof statusSchema>;

/**
 * `npm start`: Strapi on SQLite, the demo content on first run, and the rebuild service, which
 * builds the site when needed, serves the live release and rebuilds on every publish. Ctrl-C stops
 * everything.
 */
async function main(): Promise<void> {
  if (ensureEnvFile(envPath, envExamplePath)) {
    log('[start] Wrote .env with fresh random secrets (git-ignored; keep it private).');
  } else {
    const added = appendMissingEnvKeys(envPath, envExamplePath);
    if (added.length > 0) log(`[start] Added to .env from .env.example (fresh secrets): ${added.join(', ')}.`);
  }
  const env = readDotenv();
  const read = parseEnv(readEnvSchema, env, '[start]');
  const write = parseEnv(writeEnvSchema, env, '[start]');
  // Checked here too, so a bad value stops everything before Strapi starts.
  const rebuild = parseRebuilderConfig(env, repoRoot);

  // The rebuild service prefixes its own lines with [rebuild]; do not print the prefix twice.
  const children = new ChildGroup((line) => {
    log(line.replace(/^\[rebuild\] \[rebuild\] /, '[rebuild] '));
  });
  const started = performance.now();
  log('[start] Starting Strapi (first start compiles the CMS; the admin panel builds on first visit)…');
  const cms = children.spawn('cms', 'strapi', ['develop', '--no-watch-admin'], {
    cwd: cmsDir,
    env: { ...env, ENV_PATH: envPath, NODE_ENV: 'development', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  await waitForStrapi(read.STRAPI_URL, { timeoutMs: 300_000, exited: cms });
  log(`[start] Strapi is up in ${seconds(performance.now() - started)}.`);

  // Started before the demo import so the import's webhook deliveries reach it (and coalesce into
  // one build) instead of being lost: Strapi never retries a delivery.
  log('[start] Starting the rebuild service…');
  const rebuilder = children.spawn('rebuild', process.execPath, ['--import', 'tsx', rebuilderEntry], {
    cwd: repoRoot,
    env,
  });

  const apiHost = rebuild.REBUILD_HOST === '0.0.0.0' ? '127.0.0.1' : rebuild.REBUILD_HOST;
  const apiUrl = `http://${apiHost}:${rebuild.REBUILD_PORT}`;
  await waitForHttp(`${apiUrl}/healthz`, {
    what: 'The rebuild service',
    timeoutMs: 60_000,
    exited: rebuilder,
    intervalMs: 200,
  });

  if ((await countDocuments(write, 'modules')) === 0) {
    log('[start] No content yet: importing and publishing the demo module…');
    const summary = await runImport({ paths: [demoDir], publish: true, dryRun: false, env: write, log });
    if (summary.failed.length > 0) throw new Error('[start] The demo content did not import; see the messages above.');
  }

  const statusUrl = `http://${apiHost === '127.0.0.1' ? 'localhost' : apiHost}:${rebuild.REBUILD_PORT}/status`;
  log('[start] Waiting for the site to be built and live…');
  const status = await waitForSite(`${apiUrl}/status`, rebuilder);
  if (!status) throw new Error('[start] The rebuild service did not start; its output above says why.');
  if (!status.live) log(`[start] The site is not live yet: ${status.history[0]?.error ?? 'see the output above'}`);

  log('');
  log(`  Site     http://localhost:${rebuild.SITE_PORT}`);
  log(`  Admin    ${read.STRAPI_URL}/admin`);
  log(`  Login    ${env.ADMIN_EMAIL ?? '(ADMIN_EMAIL in .env)'} / ${env.ADMIN_PASSWORD ?? '(ADMIN_PASSWORD in .env)'}`);
  log(`  Status   ${statusUrl}   (publishing in the admin rebuilds the site within seconds)`);
  log('  Stop     Ctrl-C');
  log('');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
