import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { parseEnv } from 'node:util';
import { readEnvSchema, writeEnvSchema, type ReadEnv, type WriteEnv } from '@lm/shared';
import { fillSecrets } from './ensure-env-file.js';
import { freePort } from './free-port.js';
import { cmsDir, envExamplePath } from './paths.js';
import { ensurePostgresDatabase, type PostgresServer } from './throwaway-postgres.js';
import { waitForStrapi } from './wait-for-http.js';

export interface ThrowawayStrapi {
  url: string;
  /** Every variable this Strapi was started with, secrets and tokens included. */
  env: Record<string, string>;
  read: ReadEnv;
  write: WriteEnv;
  /** Everything Strapi printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Boots the real CMS (compiled beforehand: `tsc -p cms`) on a throwaway SQLite database and a free
 * port, with fresh secrets and API tokens, exactly as `npm start` would provision them. Used by the
 * integration tests, the schema generator and the benchmarks.
 */
export async function startThrowawayStrapi(extraEnv: Record<string, string> = {}): Promise<ThrowawayStrapi> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lm-strapi-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = await throwawayEnv(dir, { PORT: String(port), STRAPI_URL: url, ...extraEnv });
  const cms = await startStrapiProcess(env, url);
  return {
    url,
    env,
    read: readEnvSchema.parse(env),
    write: writeEnvSchema.parse(env),
    output: cms.output,
    stop: async () => {
      await cms.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the compiled CMS with exactly `env` (its database and files are the caller's) and waits
 * until it answers at `url`; a Strapi that does not start is killed and its output reported.
 */
export async function startStrapiProcess(
  env: Record<string, string>,
  url: string,
): Promise<{ output: () => string; stop: () => Promise<void> }> {
  let output = '';
  const child = spawnStrapi(env);
  child.all.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  try {
    await waitForStrapi(url, { timeoutMs: 120_000, exited: child });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`Strapi did not start:\n${output}`, { cause: error });
  }
  return {
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
}

/**
 * The environment of a throwaway CMS whose files live in `dir`: fresh secrets and tokens from
 * `.env.example`, SQLite in `dir`, no admin bundle, no webhook. `overrides` win; a key set to
 * undefined is left out (to test a missing variable).
 */
export async function throwawayEnv(
  dir: string,
  overrides: Record<string, string | undefined> = {},
): Promise<Record<string, string>> {
  const secrets = parseEnv(fillSecrets(await readFile(envExamplePath, 'utf8')));
  const merged: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    ...secrets,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    SERVE_ADMIN_PANEL: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    // No webhook unless a test asks for one: a developer's rebuild service may be listening.
    REBUILD_WEBHOOK_URL: '',
    // Keep Strapi from reading a developer's .env: this instance is configured only by `env`.
    ENV_PATH: path.join(dir, 'none.env'),
    ...overrides,
  };
  const postgres = testPostgres();
  if (postgres && merged.DATABASE_CLIENT === 'sqlite' && merged.DATABASE_FILENAME) {
    Object.assign(merged, await postgresDatabaseFor(postgres, merged.DATABASE_FILENAME));
  }
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The PostgreSQL server the tests run against, when the suite runs on PostgreSQL: the test setup
 * starts one and names it in TEST_POSTGRES ("host:port:user"; see tests/helpers/use-postgres.ts).
 */
function testPostgres(): PostgresServer | undefined {
  const [host, port, user] = (process.env.TEST_POSTGRES ?? '').split(':');
  if (!host || !port || !user) return undefined;
  return { host, port: Number(port), user };
}

/**
 * The database that stands in for a throwaway SQLite file: named after the file, so a test that
 * restarts Strapi on the same file gets the same database, and created on first use.
 */
async function postgresDatabaseFor(server: PostgresServer, filename: string): Promise<Record<string, string>> {
  const name = `lm_${createHash('sha256').update(filename).digest('hex').slice(0, 24)}`;
  await ensurePostgresDatabase(server, name);
  return {
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: server.host,
    DATABASE_PORT: String(server.port),
    DATABASE_NAME: name,
    DATABASE_USERNAME: server.user,
    DATABASE_PASSWORD: '',
    DATABASE_SSL: 'false',
  };
}

/** Runs `strapi start` in the compiled CMS with exactly `env`. */
export function spawnStrapi(env: Record<string, string>, options: { timeout?: number } = {}) {
  return execa('strapi', ['start'], {
    cwd: cmsDir,
    env,
    extendEnv: false,
    preferLocal: true,
    all: true,
    reject: false,
    ...options,
  });
}
