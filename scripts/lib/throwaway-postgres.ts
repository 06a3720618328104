import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { freePort } from './free-port.js';

/** Where a PostgreSQL server listens and who may log in without a password. */
export interface PostgresServer {
  host: string;
  port: number;
  user: string;
}

/** A PostgreSQL server of its own, in a temporary folder, for tests. */
export interface ThrowawayPostgres extends PostgresServer {
  /** Creates the database unless it exists. */
  ensureDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** The user the server runs as: PostgreSQL refuses to run as root. */
const SERVER_USER = 'postgres';
const SUPERUSER = 'lm';

/**
 * Where the server's programs are: `PG_BIN_DIR`, else the newest Debian `postgresql` package's
 * folder, else the PATH. Says how to get them when there are none.
 */
export function findPostgresBin(): string {
  const chosen = process.env.PG_BIN_DIR;
  if (chosen) return chosen;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(path.join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb'))) return dir;
  }
  throw new Error(
    'PostgreSQL is not installed: no initdb in /usr/lib/postgresql/*/bin or on the PATH. ' +
      'Install it (Debian: apt-get install postgresql) or set PG_BIN_DIR to the folder that holds initdb.',
  );
}

/**
 * Runs a server program, as the `postgres` user when this process is root. `setpriv` changes the
 * user and then becomes the program (no process in between), so signals reach PostgreSQL itself.
 */
function runAsServerUser(bin: string, program: string, args: string[]): ResultPromise<{ all: true; reject: false }> {
  const command = path.join(bin, program);
  const asUser = ['--reuid', SERVER_USER, '--regid', SERVER_USER, '--init-groups', '--', command];
  const root = userInfo().uid === 0;
  return execa(root ? 'setpriv' : command, root ? [...asUser, ...args] : args, { all: true, reject: false });
}

/**
 * Starts a throwaway PostgreSQL: a fresh cluster in a temporary folder, listening on 127.0.0.1 on a
 * free port, with durability off (fsync, synchronous commit: a test's data need not survive a
 * crash). `stop()` shuts it down and removes the folder.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  const dir = await mkdtemp(path.join(tmpdir(), 'lm-postgres-'));
  const data = path.join(dir, 'data');
  if (userInfo().uid === 0) {
    const ids = await execa('id', ['-u', SERVER_USER], { reject: false });
    const gids = await execa('id', ['-g', SERVER_USER], { reject: false });
    if (ids.exitCode !== 0) {
      throw new Error(`Running as root, PostgreSQL needs the "${SERVER_USER}" user (the Debian package creates it).`);
    }
    await chown(dir, Number(ids.stdout), Number(gids.stdout));
  }
  const init = await runAsServerUser(bin, 'initdb', [
    '-D',
    data,
    '-U',
    SUPERUSER,
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  if (init.exitCode !== 0) throw new Error(`initdb failed:\n${init.all}`);

  const port = await freePort();
  const host = '127.0.0.1';
  const server = runAsServerUser(bin, 'postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-h',
    host,
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const client = (program: string, args: string[]) =>
    execa(path.join(bin, program), ['-h', host, '-p', String(port), '-U', SUPERUSER, ...args], {
      all: true,
      reject: false,
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if ((await client('pg_isready', ['-d', 'postgres'])).exitCode === 0) break;
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGKILL');
      const result = await server;
      throw new Error(`PostgreSQL did not start:\n${result.all}`);
    }
    await sleep(200);
  }

  return {
    host,
    port,
    user: SUPERUSER,
    ensureDatabase: (name) => ensurePostgresDatabase({ host, port, user: SUPERUSER }, name),
    stop: async () => {
      // SIGINT is PostgreSQL's "fast" shutdown: it ends the connections and stops at once.
      server.kill('SIGINT');
      await server;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Database names this module creates: plain identifiers, so they need no quoting in SQL. */
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database on `server` unless it exists (a test may restart Strapi on the same one). */
export async function ensurePostgresDatabase(server: PostgresServer, name: string): Promise<void> {
  if (!DATABASE_NAME.test(name)) throw new Error(`"${name}" is not a plain database name (a-z, 0-9, _).`);
  const bin = findPostgresBin();
  const connect = ['-h', server.host, '-p', String(server.port), '-U', server.user];
  const query = `SELECT 1 FROM pg_database WHERE datname = '${name}'`;
  const found = await execa(path.join(bin, 'psql'), [...connect, '-d', 'postgres', '-tAc', query], {
    all: true,
    reject: false,
  });
  if (found.exitCode !== 0) {
    throw new Error(`Cannot reach PostgreSQL at ${server.host}:${String(server.port)}:\n${found.all}`);
  }
  if (found.stdout.trim() === '1') return;
  const created = await execa(path.join(bin, 'createdb'), [...connect, name], { all: true, reject: false });
  if (created.exitCode !== 0) throw new Error(`createdb ${name} failed:\n${created.all}`);
}
