import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appendMissingEnvKeys, missingEnvLines } from '../../../scripts/lib/ensure-env-file.js';

const example = [
  '# Header',
  'HOST=127.0.0.1',
  'JWT_SECRET=change-me',
  '',
  '# --- Rebuild service ---',
  '# Where Strapi sends its webhook.',
  'REBUILD_WEBHOOK_URL=http://127.0.0.1:4322/hooks/strapi',
  '# Shared secret.',
  'REBUILD_WEBHOOK_SECRET=change-me',
  'REBUILD_PORT=4322',
  '',
].join('\n');

describe('missingEnvLines', () => {
  it('returns the missing variables with their comments and fresh secrets', () => {
    const existing = 'HOST=0.0.0.0\nJWT_SECRET=kept\n';
    const result = missingEnvLines(existing, example, () => 'RANDOM');
    expect(result.names).toEqual(['REBUILD_WEBHOOK_URL', 'REBUILD_WEBHOOK_SECRET', 'REBUILD_PORT']);
    expect(result.text).toBe(
      [
        '# --- Rebuild service ---',
        '# Where Strapi sends its webhook.',
        'REBUILD_WEBHOOK_URL=http://127.0.0.1:4322/hooks/strapi',
        '# Shared secret.',
        'REBUILD_WEBHOOK_SECRET=RANDOM',
        'REBUILD_PORT=4322',
      ].join('\n'),
    );
  });

  it('returns nothing when every variable is there', () => {
    const existing = example.replaceAll('change-me', 'set');
    expect(missingEnvLines(existing, example)).toEqual({ names: [], text: '' });
  });
});

describe('appendMissingEnvKeys', () => {
  it('appends only what is missing, never changes existing values, and is idempotent', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lm-env-'));
    try {
      const envPath = path.join(dir, '.env');
      const examplePath = path.join(dir, '.env.example');
      await writeFile(examplePath, example);
      await writeFile(envPath, 'HOST=0.0.0.0\nJWT_SECRET=kept');
      expect(appendMissingEnvKeys(envPath, examplePath)).toEqual([
        'REBUILD_WEBHOOK_URL',
        'REBUILD_WEBHOOK_SECRET',
        'REBUILD_PORT',
      ]);
      const env = parseEnv(await readFile(envPath, 'utf8'));
      expect(env).toMatchObject({ HOST: '0.0.0.0', JWT_SECRET: 'kept', REBUILD_PORT: '4322' });
      expect(env.REBUILD_WEBHOOK_SECRET).toMatch(/^[\w-]{32}$/);
      expect(appendMissingEnvKeys(envPath, examplePath)).toEqual([]);
      expect(appendMissingEnvKeys(path.join(dir, 'absent.env'), examplePath)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
