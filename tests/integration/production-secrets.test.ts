import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnStrapi, startThrowawayStrapi, throwawayEnv } from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];

/**
 * Starts the compiled CMS in production mode with fresh secrets, except `name` set to `value`
 * (or left out when undefined) and any `extra` variables, and returns what it printed when it stopped.
 */
async function startInProduction(
  name: string,
  value: string | undefined,
  extra: Record<string, string> = {},
): Promise<{ exitCode: number | undefined; output: string }> {
  const dir = await tempDir('prod');
  dirs.push(dir);
  const env = await throwawayEnv(dir, { NODE_ENV: 'production', PORT: '0', ...extra, [name]: value });
  const result = await spawnStrapi(env, { timeout: 60_000 });
  return { exitCode: result.exitCode, output: result.all };
}

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('Strapi in production mode', () => {
  it.each([
    ['APP_KEYS', 'a placeholder', 'change-me-key-1,change-me-key-2', /APP_KEYS is still a placeholder/],
    ['ADMIN_JWT_SECRET', 'missing', undefined, /ADMIN_JWT_SECRET is missing/],
    ['API_TOKEN_SALT', 'a placeholder', 'change-me', /API_TOKEN_SALT is still a placeholder/],
    ['JWT_SECRET', 'missing', undefined, /JWT_SECRET is missing/],
    ['JWT_SECRET', 'one character', 'x', /JWT_SECRET is too short \(1 characters; at least 32\)/],
    ['ENCRYPTION_KEY', 'empty', '', /ENCRYPTION_KEY is missing or empty/],
    ['TRANSFER_TOKEN_SALT', 'short', 'a'.repeat(31), /TRANSFER_TOKEN_SALT is too short \(31 characters/],
    [
      'APP_KEYS',
      'one short key',
      `${'k'.repeat(40)},short`,
      /APP_KEYS is too short \(5 characters; at least 32\) \(key 2 of 2\)/,
    ],
    ['STRAPI_WRITE_TOKEN', 'a placeholder', 'change-me', /STRAPI_WRITE_TOKEN is still a placeholder/],
    ['STRAPI_READ_TOKEN', 'short', 'r'.repeat(20), /STRAPI_READ_TOKEN is too short \(20 characters/],
    ['STRAPI_READ_TOKEN', 'empty', '', /STRAPI_READ_TOKEN is missing or empty/],
    ['STRAPI_PREVIEW_TOKEN', 'a placeholder', 'change-me-too', /STRAPI_PREVIEW_TOKEN is still a placeholder/],
  ])('refuses to start when %s is %s, naming it and how to make one', async (name, _kind, value, message) => {
    const { exitCode, output } = await startInProduction(name, value);
    expect(exitCode).not.toBe(0);
    expect(output).toMatch(message);
    expect(output).toContain('openssl rand -base64 32');
  });

  it('refuses a short REBUILD_WEBHOOK_SECRET when REBUILD_WEBHOOK_URL is set', async () => {
    const { exitCode, output } = await startInProduction('REBUILD_WEBHOOK_SECRET', 'w'.repeat(20), {
      REBUILD_WEBHOOK_URL: 'http://127.0.0.1:9/hooks/strapi',
    });
    expect(exitCode).not.toBe(0);
    expect(output).toMatch(/REBUILD_WEBHOOK_SECRET is too short \(20 characters/);
  });

  it('starts with the secrets `npm start` writes, and provisions the tokens', async () => {
    const strapi = await startThrowawayStrapi({ NODE_ENV: 'production' });
    try {
      const response = await fetch(`${strapi.url}/api/pages`, {
        headers: { Authorization: `Bearer ${strapi.read.STRAPI_READ_TOKEN}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await strapi.stop();
    }
  });
});
