import path from 'node:path';

/**
 * The database a CMS environment points at, in words a person recognises ("SQLite file
 * /srv/cms/.tmp/data.db", "PostgreSQL database strapi on 127.0.0.1:5432 as strapi"), so backup
 * and restore say what they read or replace. Never shows a password. Mirrors cms/config/database.ts.
 */
export function describeDatabase(env: Record<string, string | undefined>, cmsDir: string): string {
  const client = env.DATABASE_CLIENT?.trim() || 'sqlite';
  if (client !== 'postgres') {
    return `SQLite file ${path.resolve(cmsDir, env.DATABASE_FILENAME?.trim() || '.tmp/data.db')}`;
  }
  if (env.DATABASE_URL?.trim()) {
    const url = new URL(env.DATABASE_URL.trim());
    url.password = '';
    return `PostgreSQL database ${url.pathname.replace(/^\//, '')} on ${url.host} as ${decodeURIComponent(url.username)}`;
  }
  const host = env.DATABASE_HOST?.trim() || '127.0.0.1';
  const port = env.DATABASE_PORT?.trim() || '5432';
  const name = env.DATABASE_NAME?.trim() || 'strapi';
  const user = env.DATABASE_USERNAME?.trim() || 'strapi';
  return `PostgreSQL database ${name} on ${host}:${port} as ${user}`;
}
