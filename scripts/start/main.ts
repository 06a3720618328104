import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv, readEnvSchema, writeEnvSchema } from '@lm/shared';
import { buildSite } from '../build-site/build-site.js';
import { runImport } from '../import/run-import.js';
import { countDocuments } from '../import/strapi-rest-client.js';
import { ChildGroup } from '../lib/child-group.js';
import { ensureEnvFile } from '../lib/ensure-env-file.js';
import { cmsDir, envExamplePath, envPath, siteDir } from '../lib/paths.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { createStaticServer } from '../lib/static-server.js';
import { waitForStrapi } from '../lib/wait-for-strapi.js';

const demoDir = fileURLToPath(new URL('./demo', import.meta.url));
const log = (line: string): void => {
  console.log(line);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * `npm start`: Strapi on SQLite, the demo content on first run, a fresh build of the site, and a
 * static server for it. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  if (ensureEnvFile(envPath, envExamplePath)) {
    log('[start] Wrote .env with fresh random secrets (git-ignored; keep it private).');
  }
  const env = readDotenv();
  const read = parseEnv(readEnvSchema, env, '[start]');
  const write = parseEnv(writeEnvSchema, env, '[start]');
  const sitePort = Number(env.SITE_PORT ?? 4321);

  const children = new ChildGroup(log);
  const started = performance.now();
  log('[start] Starting Strapi (first start compiles the CMS; the admin panel builds on first visit)…');
  const cms = children.spawn('cms', 'strapi', ['develop', '--no-watch-admin'], {
    cwd: cmsDir,
    env: { ...env, ENV_PATH: envPath, NODE_ENV: 'development', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  await waitForStrapi(read.STRAPI_URL, { timeoutMs: 300_000, exited: cms });
  log(`[start] Strapi is up in ${seconds(performance.now() - started)}.`);

  if ((await countDocuments(write, 'modules')) === 0) {
    log('[start] No content yet: importing and publishing the demo module…');
    const summary = await runImport({ paths: [demoDir], publish: true, dryRun: false, env: write, log });
    if (summary.failed.length > 0) throw new Error('[start] The demo content did not import; see the messages above.');
  }

  log('[start] Building the site…');
  const outDir = path.join(siteDir, 'dist');
  const build = await buildSite({
    outDir,
    env,
    onLine: (line) => {
      if (line.trim() !== '') log(`[site] ${line}`);
    },
  });
  log(
    `[start] Built ${build.pageCount} pages in ${seconds(build.durationMs)} with ${build.graphqlRequests} GraphQL requests.`,
  );

  const server = createStaticServer(() => outDir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      reject(
        new Error(`[start] Cannot serve the site on port ${sitePort}. Is it in use? Set SITE_PORT in .env.`, {
          cause: error,
        }),
      );
    });
    server.listen(sitePort, '127.0.0.1', resolve);
  });
  process.once('exit', () => server.close());

  log('');
  log('  Site     http://localhost:' + String(sitePort));
  log(`  Admin    ${read.STRAPI_URL}/admin`);
  log(`  Login    ${env.ADMIN_EMAIL ?? '(ADMIN_EMAIL in .env)'} / ${env.ADMIN_PASSWORD ?? '(ADMIN_PASSWORD in .env)'}`);
  log('  Stop     Ctrl-C');
  log('');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
