import { describe, expect, it } from 'vitest';
import { databaseEnvSchema, postgresConnectionOf } from '@lm/shared';

describe('postgresConnectionOf', () => {
  it('is null on SQLite, the default: one machine, no build lock', () => {
    expect(postgresConnectionOf(databaseEnvSchema.parse({}))).toBeNull();
    expect(postgresConnectionOf(databaseEnvSchema.parse({ DATABASE_CLIENT: '' }))).toBeNull();
  });

  it('takes the CMS defaults and values on PostgreSQL', () => {
    expect(
      postgresConnectionOf(databaseEnvSchema.parse({ DATABASE_CLIENT: 'postgres', DATABASE_PORT: '5433' })),
    ).toEqual({ host: '127.0.0.1', port: 5433, database: 'strapi', user: 'strapi', password: '', ssl: false });
  });

  it('passes the connection string and TLS settings on', () => {
    const connection = postgresConnectionOf(
      databaseEnvSchema.parse({
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: 'postgres://strapi:pw@db.internal/strapi',
        DATABASE_SSL: 'true',
        DATABASE_SSL_REJECT_UNAUTHORIZED: 'false',
      }),
    );
    expect(connection).toMatchObject({
      connectionString: 'postgres://strapi:pw@db.internal/strapi',
      ssl: { rejectUnauthorized: false },
    });
  });

  it.each([
    [{ DATABASE_CLIENT: 'mysql' }, 'DATABASE_CLIENT must be "sqlite" or "postgres"'],
    [{ DATABASE_SSL: 'yes' }, 'DATABASE_SSL must be true or false'],
  ])('refuses %o', (env, message) => {
    const result = databaseEnvSchema.safeParse(env);
    expect(result.error?.issues.map((issue) => issue.message).join('\n')).toContain(message);
  });
});
