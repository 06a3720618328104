import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.js';
import { BUILD_LOCK_KEY } from '../../scripts/rebuilder/build-lock.js';
import { gate } from '../helpers/fake-rebuild.js';
import { pollUntil } from '../helpers/poll.js';
import { postgresForTest, type TestDatabase } from '../helpers/postgres-for-test.js';
import { RebuilderHarness } from '../helpers/rebuilder-harness.js';
import { settledStatus } from '../helpers/rebuilder-webhook.js';

/**
 * Two rebuild services for one CMS database on PostgreSQL, as on two machines (each with its own
 * releases folder), each started as the real service with the database values from its env. Their
 * builds are fake and held at a gate, so the test decides when one ends; the lock is real.
 */

let database: TestDatabase;
let first: RebuilderHarness;
let second: RebuilderHarness;

/** A connection of the test's own, to look at the server's locks and end sessions. */
async function admin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...database.server, database: 'lm_build_lock' });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** The backend holding the build lock, or null. */
const lockHolder = (): Promise<number | null> =>
  admin(async (client) => {
    const result = await client.query<{ pid: number }>(
      "select pid from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database()) and ((classid::bigint << 32) | objid::bigint) = $1::bigint",
      [BUILD_LOCK_KEY],
    );
    return result.rows[0]?.pid ?? null;
  });

const waitingLine = (harness: RebuilderHarness) =>
  pollUntil('the second service to wait for the lock', () =>
    Promise.resolve(harness.logLines.some((line) => line.includes('Another rebuild service is building')) || undefined),
  );

beforeAll(async () => {
  database = await postgresForTest('lm_build_lock');
});

afterAll(async () => {
  await database.stop();
});

beforeEach(async () => {
  first = new RebuilderHarness();
  second = new RebuilderHarness();
  await Promise.all([first.setUp(), second.setUp()]);
});

afterEach(async () => {
  first.builds.hold?.open();
  second.builds.hold?.open();
  await Promise.all([first.tearDown(), second.tearDown()]);
});

it('lets one service build at a time: the second builds once the first has gone live', async () => {
  first.builds.hold = gate();
  const a = await first.startService(database.env);
  await first.builds.started.promise;
  expect(await lockHolder()).not.toBeNull();

  const b = await second.startService(database.env);
  await waitingLine(second);
  expect(second.builds.calls).toBe(0);

  first.builds.hold.open();
  await second.builds.started.promise;
  // The first service held the lock through its swap, so by now its release is live.
  const firstStatus = a.service.status();
  expect(firstStatus.running).toBeNull();
  expect(firstStatus.history[0]?.result).toBe('success');
  expect(second.logLines).toContain('[rebuild] The other rebuild service finished; building now.');

  const secondStatus = await settledStatus(b.apiUrl, (status) => status.live !== null);
  expect(secondStatus.history[0]?.result).toBe('success');
  expect(await lockHolder()).toBeNull();
});

it('frees the lock when the holder’s connection is lost, and the holder abandons its build', async () => {
  first.builds.hold = gate();
  const a = await first.startService(database.env);
  await first.builds.started.promise;
  const holder = await lockHolder();
  expect(holder).not.toBeNull();
  await second.startService(database.env);
  await waitingLine(second);

  // What the server sees when the holder's machine dies or its network drops: the session ends.
  await admin((client) => client.query('select pg_terminate_backend($1)', [holder]));
  await second.builds.started.promise;
  first.builds.hold.open();
  const firstStatus = await pollUntil('the first build to end', () => Promise.resolve(a.service.status().history[0]));
  expect(firstStatus.result).toBe('failed');
  expect(firstStatus.error).toContain('Lost the build lock');
});

it('frees the lock when the process holding it is killed', async () => {
  // Another machine's rebuild service, reduced to what matters here: a process holding the lock.
  const connection = JSON.stringify({ ...database.server, database: 'lm_build_lock' });
  const holder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import pg from 'pg';
       const client = new pg.Client(${connection});
       await client.connect();
       await client.query('select pg_advisory_lock($1::bigint)', ['${BUILD_LOCK_KEY}']);
       console.log('locked');
       setInterval(() => {}, 60_000);`,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(holder, 'exit');
  try {
    const output: unknown[] = await once(holder.stdout, 'data');
    expect(String(output[0])).toContain('locked');
    await second.startService(database.env);
    await waitingLine(second);
    expect(second.builds.calls).toBe(0);
  } finally {
    holder.kill('SIGKILL');
  }
  await exited;
  await second.builds.started.promise;
  expect(second.builds.calls).toBe(1);
});
