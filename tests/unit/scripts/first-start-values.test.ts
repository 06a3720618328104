import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyValues, firstStartValues } from '../../../scripts/lib/first-start-values.js';

const example = [
  '# Strapi',
  'PORT=1337',
  'STRAPI_URL=http://localhost:1337',
  'SITE_PORT=4321',
  'SITE_URL=http://localhost:4321',
  'HOST=127.0.0.1',
  '',
].join('\n');

describe('firstStartValues', () => {
  it('takes a chosen port and moves the URL that names it along', () => {
    const chosen = firstStartValues({ PORT: '1400', SITE_PORT: '8080' });
    expect(chosen).toEqual({
      PORT: '1400',
      STRAPI_URL: 'http://localhost:1400',
      SITE_PORT: '8080',
      SITE_URL: 'http://localhost:8080',
    });
  });

  it('keeps a URL chosen with the port', () => {
    expect(firstStartValues({ PORT: '1400', STRAPI_URL: 'https://cms.example.org' }).STRAPI_URL).toBe(
      'https://cms.example.org',
    );
  });

  it('ignores the shell variables that are not settings of the platform', () => {
    expect(firstStartValues({ HOST: 'my-laptop', NODE_ENV: 'test', HOME: '/root', PORT: ' ' })).toEqual({});
  });
});

describe('applyValues', () => {
  it('replaces the chosen lines and keeps comments and the rest', () => {
    const written = applyValues(example, firstStartValues({ PORT: '1400' }));
    expect(written.startsWith('# Strapi\n')).toBe(true);
    expect(parseEnv(written)).toEqual({
      PORT: '1400',
      STRAPI_URL: 'http://localhost:1400',
      SITE_PORT: '4321',
      SITE_URL: 'http://localhost:4321',
      HOST: '127.0.0.1',
    });
  });
});
