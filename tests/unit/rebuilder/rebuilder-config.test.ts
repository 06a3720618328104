import { describe, expect, it } from 'vitest';
import { parseRebuilderConfig } from '../../../scripts/rebuilder/rebuilder-config.js';

const valid = {
  STRAPI_URL: 'http://localhost:1337/',
  STRAPI_READ_TOKEN: 'r'.repeat(48),
  REBUILD_WEBHOOK_SECRET: 's'.repeat(32),
};

describe('parseRebuilderConfig', () => {
  it('applies the defaults', () => {
    expect(parseRebuilderConfig(valid, '/repo')).toEqual({
      ...valid,
      STRAPI_URL: 'http://localhost:1337',
      REBUILD_HOST: '127.0.0.1',
      REBUILD_PORT: 4322,
      REBUILD_DEBOUNCE_MS: 1_000,
      REBUILD_MAX_WAIT_MS: 10_000,
      REBUILD_TIMEOUT_MS: 600_000,
      RECONCILE_INTERVAL_MS: 180_000,
      RELEASES_DIR: '/repo/.releases',
      RELEASES_KEEP: 5,
      SITE_PORT: 4321,
      // The CMS database, for the build lock: SQLite unless told, so no lock.
      DATABASE_CLIENT: 'sqlite',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: 5432,
      DATABASE_NAME: 'strapi',
      DATABASE_USERNAME: 'strapi',
      DATABASE_PASSWORD: '',
      DATABASE_SSL: false,
      DATABASE_SSL_REJECT_UNAUTHORIZED: true,
    });
  });

  it('reads numbers, treats empty values as unset and resolves RELEASES_DIR against the repository', () => {
    const config = parseRebuilderConfig(
      {
        ...valid,
        REBUILD_PORT: '0',
        REBUILD_DEBOUNCE_MS: '50',
        REBUILD_MAX_WAIT_MS: '',
        RECONCILE_INTERVAL_MS: '0',
        RELEASES_DIR: 'var/releases',
        RELEASES_KEEP: '2',
      },
      '/repo',
    );
    expect(config).toMatchObject({
      REBUILD_PORT: 0,
      REBUILD_DEBOUNCE_MS: 50,
      REBUILD_MAX_WAIT_MS: 10_000,
      RECONCILE_INTERVAL_MS: 0,
      RELEASES_DIR: '/repo/var/releases',
      RELEASES_KEEP: 2,
    });
    expect(parseRebuilderConfig({ ...valid, RELEASES_DIR: '/srv/releases' }, '/repo').RELEASES_DIR).toBe(
      '/srv/releases',
    );
  });

  it.each([
    [
      'a missing secret',
      { REBUILD_WEBHOOK_SECRET: undefined },
      /REBUILD_WEBHOOK_SECRET: REBUILD_WEBHOOK_SECRET is missing/,
    ],
    [
      'the placeholder secret',
      { REBUILD_WEBHOOK_SECRET: 'change-me-please-now' },
      /REBUILD_WEBHOOK_SECRET: .*placeholder/,
    ],
    ['a short secret', { REBUILD_WEBHOOK_SECRET: 'short' }, /REBUILD_WEBHOOK_SECRET: .*at least 16/],
    ['a port that is not a number', { REBUILD_PORT: 'http' }, /REBUILD_PORT: REBUILD_PORT must be a whole number/],
    ['a port out of range', { SITE_PORT: '70000' }, /SITE_PORT: SITE_PORT must be between 0 and 65535/],
    ['a negative debounce', { REBUILD_DEBOUNCE_MS: '-5' }, /REBUILD_DEBOUNCE_MS: .*whole number/],
    [
      'a max wait below the debounce',
      { REBUILD_DEBOUNCE_MS: '5000', REBUILD_MAX_WAIT_MS: '1000' },
      /REBUILD_MAX_WAIT_MS: .*not be shorter/,
    ],
    ['keeping no release', { RELEASES_KEEP: '0' }, /RELEASES_KEEP: RELEASES_KEEP must be between 1/],
    ['a missing read token', { STRAPI_READ_TOKEN: undefined }, /STRAPI_READ_TOKEN: STRAPI_READ_TOKEN is missing/],
  ])('stops on %s, naming the variable', (_name, override, message) => {
    expect(() => parseRebuilderConfig({ ...valid, ...override }, '/repo')).toThrow(message);
  });

  it('names every bad variable at once, with the [rebuild] prefix', () => {
    expect(() => parseRebuilderConfig({ STRAPI_READ_TOKEN: 'r'.repeat(48), REBUILD_PORT: 'x' }, '/repo')).toThrow(
      /^\[rebuild\] The environment is not usable:\n {2}- REBUILD_PORT: .*\n {2}- REBUILD_WEBHOOK_SECRET: /,
    );
  });
});
