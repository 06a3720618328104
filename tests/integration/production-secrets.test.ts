import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnStrapi, throwawayEnv } from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];

/**
 * Starts the compiled CMS in production mode with fresh secrets, except `name` set to `value`
 * (or left out when undefined), and returns what it printed when it stopped.
 */
async function startInProduction(
  name: string,
  value: string | undefined,
): Promise<{ exitCode: number | undefined; output: string }> {
  const dir = await tempDir('prod');
  dirs.push(dir);
  const env = await throwawayEnv(dir, { NODE_ENV: 'production', PORT: '0', [name]: value });
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
  ])('refuses to start when %s is %s, naming it', async (name, _kind, value, message) => {
    const { exitCode, output } = await startInProduction(name, value);
    expect(exitCode).not.toBe(0);
    expect(output).toMatch(message);
  });
});
