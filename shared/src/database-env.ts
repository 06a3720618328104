import { z } from 'zod';

/** A `KEY=` line in .env counts as unset, so the default applies. */
const unset = (value: unknown): unknown => (value === '' ? undefined : value);

const flag = (name: string, fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .enum(['true', 'false'], { errorMap: () => ({ message: `${name} must be true or false.` }) })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true'),
  );

/**
 * The CMS's database as the programs beside it (the rebuild service's build lock) read it: the
 * same variables, and the same defaults, as cms/config/database.ts.
 */
export const databaseEnvSchema = z.object({
  /** `sqlite` (one machine) or `postgres`. */
  DATABASE_CLIENT: z.preprocess(
    unset,
    z
      .enum(['sqlite', 'postgres'], {
        errorMap: () => ({ message: 'DATABASE_CLIENT must be "sqlite" or "postgres".' }),
      })
      .default('sqlite'),
  ),
  /** A connection string; when set, it wins over the separate fields. */
  DATABASE_URL: z.preprocess(unset, z.string().optional()),
  DATABASE_HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
  DATABASE_PORT: z.preprocess(
    unset,
    z.coerce.number().int().min(1).max(65_535, 'DATABASE_PORT must be a port number.').default(5432),
  ),
  DATABASE_NAME: z.preprocess(unset, z.string().default('strapi')),
  DATABASE_USERNAME: z.preprocess(unset, z.string().default('strapi')),
  DATABASE_PASSWORD: z.string().default(''),
  DATABASE_SSL: flag('DATABASE_SSL', false),
  /** With DATABASE_SSL: false accepts a server certificate that does not verify. */
  DATABASE_SSL_REJECT_UNAUTHORIZED: flag('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
});
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** Connection values in the shape node-postgres's Client takes. */
export interface PostgresConnection {
  connectionString?: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  ssl: false | { rejectUnauthorized: boolean };
}

/** The PostgreSQL connection the CMS uses, or null on SQLite. */
export function postgresConnectionOf(env: DatabaseEnv): PostgresConnection | null {
  if (env.DATABASE_CLIENT !== 'postgres') return null;
  return {
    ...(env.DATABASE_URL === undefined ? {} : { connectionString: env.DATABASE_URL }),
    host: env.DATABASE_HOST,
    port: env.DATABASE_PORT,
    database: env.DATABASE_NAME,
    user: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
    ssl: env.DATABASE_SSL ? { rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED } : false,
  };
}
