import { describe, expect, it } from 'vitest';
import { parseEnv } from 'node:util';
import { fillSecrets } from '../../../scripts/lib/ensure-env-file.js';

const example = [
  '# a comment that stays',
  'HOST=127.0.0.1',
  'APP_KEYS=change-me-key-1,change-me-key-2',
  'ADMIN_JWT_SECRET=change-me',
  'STRAPI_READ_TOKEN=change-me',
  '',
].join('\n');

describe('fillSecrets', () => {
  it('replaces every placeholder with a fresh random value and keeps everything else', () => {
    const filled = fillSecrets(example);
    const env = parseEnv(filled);
    expect(filled.startsWith('# a comment that stays\nHOST=127.0.0.1\n')).toBe(true);
    expect(filled).not.toContain('change-me');
    expect(env.APP_KEYS?.split(',')).toHaveLength(4);
    expect(env.ADMIN_JWT_SECRET).toMatch(/^[\w-]{32}$/);
    expect(env.STRAPI_READ_TOKEN).toMatch(/^[\w-]{64}$/);
  });

  it('gives different secrets on every run', () => {
    expect(parseEnv(fillSecrets(example)).ADMIN_JWT_SECRET).not.toBe(parseEnv(fillSecrets(example)).ADMIN_JWT_SECRET);
  });
});
