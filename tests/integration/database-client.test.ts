import path from 'node:path';
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../../scripts/lib/strapi-rest-client.js';
import { findPostgresBin } from '../../scripts/lib/throwaway-postgres.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

/**
 * Which database the integration tests really ran on. The suite runs twice, on SQLite and (the
 * `postgres` project) on PostgreSQL; this proves a module written through the API lands in the
 * database that run is meant to use, so a setup that silently fell back to SQLite fails here.
 */

let strapi: ThrowawayStrapi;
/**
 * Which run this is comes from the project's settings (vitest.config.ts), not from TEST_POSTGRES:
 * a server leaked into the SQLite run would set that variable, and this test must then fail.
 */
const onPostgres = process.env.TEST_DATABASE === 'postgres';

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
});

afterAll(async () => {
  await strapi.stop();
});

/** The titles of the modules stored in the database this Strapi uses, read without Strapi. */
async function storedModuleTitles(): Promise<string[]> {
  const env = strapi.env;
  if (env.DATABASE_CLIENT === 'postgres') {
    const psql = path.join(findPostgresBin(), 'psql');
    const args = ['-h', env.DATABASE_HOST ?? '', '-p', env.DATABASE_PORT ?? '', '-U', env.DATABASE_USERNAME ?? ''];
    const result = await execa(psql, [...args, '-d', env.DATABASE_NAME ?? '', '-tAc', 'SELECT title FROM modules']);
    return result.stdout.split('\n').filter((line) => line !== '');
  }
  const db = new Database(env.DATABASE_FILENAME ?? '', { readonly: true });
  try {
    return db
      .prepare('SELECT title FROM modules')
      .all()
      .map((row) => (typeof row === 'object' && row !== null && 'title' in row ? String(row.title) : ''));
  } finally {
    db.close();
  }
}

describe('the database of this run', () => {
  it(`is ${onPostgres ? 'PostgreSQL' : 'SQLite'}, and holds what the API wrote`, async () => {
    expect(strapi.env.DATABASE_CLIENT).toBe(onPostgres ? 'postgres' : 'sqlite');
    await createDocument(strapi.write, 'modules', { title: 'Stored where we think', slug: 'stored-where' }, 'draft');
    expect(await storedModuleTitles()).toContain('Stored where we think');
  });
});
