import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnStrapi, throwawayEnv } from '../../scripts/lib/throwaway-strapi.js';
import { tempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts the compiled CMS in production with fresh secrets but PREVIEW_SECRET as given, until it stops. */
async function startInProduction(
  overrides: Record<string, string | undefined>,
): Promise<{ exitCode: number | undefined; output: string }> {
  const dir = await tempDir('preview-secret');
  dirs.push(dir);
  const env = await throwawayEnv(dir, { NODE_ENV: 'production', PORT: '0', ...overrides });
  const result = await spawnStrapi(env, { timeout: 60_000 });
  return { exitCode: result.exitCode, output: result.all };
}

describe('PREVIEW_SECRET in production', () => {
  it.each([
    ['a placeholder', 'change-me', /PREVIEW_SECRET is still a placeholder/],
    ['missing', undefined, /PREVIEW_SECRET is missing/],
    ['short', 'p'.repeat(20), /PREVIEW_SECRET is too short \(20 characters/],
  ])('Strapi refuses to start when it is %s, naming it and how to make one', async (_kind, value, message) => {
    const { exitCode, output } = await startInProduction({ PREVIEW_SECRET: value });
    expect(exitCode).not.toBe(0);
    expect(output).toMatch(message);
    expect(output).toContain('openssl rand -base64 32');
  });

  it('is not needed when the preview is off (PREVIEW_URL empty)', async () => {
    const { output } = await startInProduction({ PREVIEW_SECRET: undefined, PREVIEW_URL: '' });
    expect(output).not.toMatch(/PREVIEW_SECRET/);
  });
});
