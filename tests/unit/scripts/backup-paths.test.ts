import { describe, expect, it } from 'vitest';
import { describeDatabase } from '../../../scripts/lib/describe-database.js';
import { archivePath } from '../../../scripts/lib/run-backup.js';

describe('archivePath', () => {
  const options = { cwd: '/home/ann', defaultDir: '/repo/backups', now: new Date('2026-11-30T13:14:15.678Z') };

  it.each([
    [undefined, '/repo/backups/backup-2026-11-30T13-14-15Z.tar.gz.enc'],
    ['nightly', '/home/ann/nightly.tar.gz.enc'],
    ['nightly.tar.gz.enc', '/home/ann/nightly.tar.gz.enc'],
    ['../srv/b/x', '/home/srv/b/x.tar.gz.enc'],
    ['/mnt/disk/x.tar.gz.enc', '/mnt/disk/x.tar.gz.enc'],
  ])('%s becomes %s', (requested, expected) => {
    expect(archivePath(requested, options)).toBe(expected);
  });
});

describe('describeDatabase', () => {
  it.each([
    [{}, 'SQLite file /repo/cms/.tmp/data.db'],
    [{ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '/tmp/x.db' }, 'SQLite file /tmp/x.db'],
    [
      { DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'db', DATABASE_NAME: 'lm', DATABASE_USERNAME: 'cms' },
      'PostgreSQL database lm on db:5432 as cms',
    ],
    [
      { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://cms:secret@db.example:6432/lm', DATABASE_NAME: 'other' },
      'PostgreSQL database lm on db.example:6432 as cms',
    ],
  ])('%o is the %s', (env, expected) => {
    expect(describeDatabase(env, '/repo/cms')).toBe(expected);
    expect(describeDatabase(env, '/repo/cms')).not.toContain('secret');
  });
});
