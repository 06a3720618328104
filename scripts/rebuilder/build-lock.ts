import pg from 'pg';
import type { PostgresConnection } from '@lm/shared';
import { describeError } from './describe-error.js';
import type { Logger } from './logger.js';

/**
 * The advisory lock key every rebuild service of one CMS database takes while it builds ("lm-build"
 * in ASCII, 0x6c6d2d6275696c64, written in decimal for any PostgreSQL version). Advisory locks belong to a database, so services of another CMS database on the same
 * server do not wait for each other.
 */
export const BUILD_LOCK_KEY = '7812950829457566820';

/** What the service needs from a lock: run one build while holding it. */
export interface BuildLock {
  /**
   * Runs `task` while holding the lock, waiting for it first. `onLost` is called if the lock is lost
   * during the task (its connection dropped), so the build can be aborted before it goes live. Resolves
   * without running `task` when the lock is closed while waiting.
   */
  hold(task: () => Promise<void>, onLost: (error: Error) => void): Promise<void>;
  /** Ends the lock's connections: a wait ends, a held lock is released. */
  close(): Promise<void>;
}

/**
 * A PostgreSQL session advisory lock on a connection of its own, opened for each build. A session
 * lock is held by the connection, not by a transaction: the server releases it when the connection
 * ends for any reason (the process exits or is killed, the network drops), so a dead rebuild
 * service never blocks the next one. Waiting uses pg_advisory_lock, which the server wakes when the
 * holder lets go, so the second service starts as soon as the first is done, with no polling.
 */
export function postgresBuildLock(connection: PostgresConnection, logger: Logger): BuildLock {
  const clients = new Set<pg.Client>();
  let closed = false;
  // A function, not the variable: close() may run while hold() awaits, which TypeScript cannot see.
  const isClosed = (): boolean => closed;

  return {
    async hold(task, onLost) {
      if (isClosed()) return;
      const client = new pg.Client({ ...connection, application_name: 'lm-rebuild-lock' });
      clients.add(client);
      let holding = false;
      const lost = (cause: Error): void => {
        if (holding)
          onLost(new Error(`[rebuild] Lost the build lock (${cause.message}); this build is abandoned.`, { cause }));
      };
      // Without a listener, a dropped connection would be an uncaught error that ends the process.
      client.on('error', lost);
      client.on('end', () => {
        lost(new Error('the connection to PostgreSQL ended'));
      });
      try {
        await client.connect();
        const tried = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [
          BUILD_LOCK_KEY,
        ]);
        if (tried.rows[0]?.locked !== true) {
          logger.info('Another rebuild service is building for this CMS database; waiting for it to finish.');
          await client.query('select pg_advisory_lock($1::bigint)', [BUILD_LOCK_KEY]);
          logger.info('The other rebuild service finished; building now.');
        }
      } catch (error) {
        clients.delete(client);
        await client.end().catch(() => undefined);
        if (isClosed()) {
          logger.info('Stopped while waiting for the build lock; nothing was built.');
          return;
        }
        throw new Error(
          `[rebuild] Cannot take the build lock on PostgreSQL (${describeError(error)}); nothing was built. ` +
            'Check the DATABASE_* values of the rebuild service: they must reach the CMS database.',
          { cause: error },
        );
      }
      holding = true;
      try {
        await task();
      } finally {
        holding = false;
        clients.delete(client);
        // Ending the session releases the lock, whether or not the unlock below got through.
        await client.query('select pg_advisory_unlock($1::bigint)', [BUILD_LOCK_KEY]).catch(() => undefined);
        await client.end().catch(() => undefined);
      }
    },
    async close() {
      closed = true;
      await Promise.all([...clients].map((client) => client.end().catch(() => undefined)));
    },
  };
}
