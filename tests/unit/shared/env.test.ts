import { describe, expect, it } from 'vitest';
import { parseEnv, previewEnvSchema, readEnvSchema, writeEnvSchema } from '@lm/shared';

const token = 'a'.repeat(64);

describe('parseEnv', () => {
  it('accepts a complete environment and trims the trailing slash of STRAPI_URL', () => {
    expect(
      parseEnv(readEnvSchema, { STRAPI_URL: 'http://localhost:1337/', STRAPI_READ_TOKEN: token }, '[site]'),
    ).toEqual({ STRAPI_URL: 'http://localhost:1337', STRAPI_READ_TOKEN: token });
  });

  it.each([
    [{ STRAPI_URL: 'http://localhost:1337' }, /STRAPI_WRITE_TOKEN: STRAPI_WRITE_TOKEN is missing/],
    [{ STRAPI_WRITE_TOKEN: 'change-me-please-later' }, /STRAPI_WRITE_TOKEN is still the placeholder/],
    [{ STRAPI_WRITE_TOKEN: 'short' }, /too short/],
    [{ STRAPI_URL: 'not a url', STRAPI_WRITE_TOKEN: token }, /STRAPI_URL must be a URL/],
  ])('names the variable and the problem: %o', (env, message) => {
    expect(() => parseEnv(writeEnvSchema, env, '[import]')).toThrow(message);
    expect(() => parseEnv(writeEnvSchema, env, '[import]')).toThrow(/^\[import\] The environment is not usable/);
  });
});

describe('previewEnvSchema', () => {
  it('asks for the preview token, the only read token for drafts', () => {
    expect(() => parseEnv(previewEnvSchema, { STRAPI_READ_TOKEN: token }, '[preview]')).toThrow(
      /STRAPI_PREVIEW_TOKEN: STRAPI_PREVIEW_TOKEN is missing/,
    );
    expect(parseEnv(previewEnvSchema, { STRAPI_PREVIEW_TOKEN: token }, '[preview]')).toEqual({
      STRAPI_URL: 'http://localhost:1337',
      STRAPI_PREVIEW_TOKEN: token,
    });
  });
});
