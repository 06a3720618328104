import {
  ensurePostgresDatabase,
  startThrowawayPostgres,
  type PostgresServer,
} from '../../scripts/lib/throwaway-postgres.js';

/** A PostgreSQL server for one test file, with a database of its own there. */
export interface TestDatabase {
  server: PostgresServer;
  /** The DATABASE_* variables the CMS and the rebuild service read, for that database. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * The `postgres` project's server (TEST_POSTGRES, see use-postgres.ts) when the file runs there;
 * otherwise a throwaway server of the file's own, since the file's subject is PostgreSQL itself.
 */
export async function postgresForTest(database: string): Promise<TestDatabase> {
  const [host, port, user] = (process.env.TEST_POSTGRES ?? '').split(':');
  const own = host && port && user ? null : await startThrowawayPostgres();
  const server: PostgresServer = own ?? { host: host ?? '', port: Number(port), user: user ?? '' };
  await ensurePostgresDatabase(server, database);
  return {
    server,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: server.host,
      DATABASE_PORT: String(server.port),
      DATABASE_NAME: database,
      DATABASE_USERNAME: server.user,
      DATABASE_PASSWORD: '',
      DATABASE_SSL: 'false',
    },
    stop: async () => {
      await own?.stop();
    },
  };
}
