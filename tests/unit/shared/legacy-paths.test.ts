import { describe, expect, it } from 'vitest';
import { LEGACY_PATH_MAX_LENGTH, legacyPathKey, legacyPathProblem, redirectMapSchema } from '@lm/shared';

describe('legacyPathProblem', () => {
  const accepted = [
    '/modules/partnerships/two-zero.html',
    '/modules/partnerships/two-zero/',
    '/modules/partnerships/two-zero',
    '/old/caf%C3%A9.html',
    '/.well-known/old.html',
    `/${'a'.repeat(LEGACY_PATH_MAX_LENGTH - 1)}`,
  ];
  it.each(accepted)('accepts %j', (path) => {
    expect(legacyPathProblem(path)).toBeNull();
  });

  const refused: Array<[string, RegExp]> = [
    ['', /empty/],
    ['modules/partnerships/two-zero.html', /start with \//],
    ['https://evil.example/x', /start with \//],
    ['javascript:alert(1)', /start with \//],
    ['//evil.example/x', /host/],
    ['/\\evil.example', /host/],
    ['/%2F%2Fevil.example', /host/],
    ['/a/../b', /\.\./],
    ['/a/%2e%2e/b', /\.\./],
    ['/a?b=1', /query/],
    ['/a#top', /query or fragment/],
    ['/a b', /spaces/],
    ['/a\tb', /spaces/],
    ['/a\u0000b', /control/],
    ['/a\u2028b', /control/],
    ['/a%0Ab', /control/],
    ['/bad%E0%A4%A.html', /percent-encoded/],
    ['/.env', /hidden/],
    ['/', /served by the site/],
    ['/_astro/x.css', /served by the site/],
    ['/redirects.json', /served by the site/],
    ['/sitemap.xml', /served by the site/],
    ['/robots.txt', /served by the site/],
    ['/modules/partnerships/_search/pagefind.js', /served by the site/],
    [`/${'a'.repeat(LEGACY_PATH_MAX_LENGTH)}`, /longer than/],
  ];
  it.each(refused)('refuses %j', (path, reason) => {
    expect(legacyPathProblem(path)).toMatch(reason);
  });
});

describe('legacyPathKey', () => {
  it.each([
    ['/modules/partnerships/two-zero/', '/modules/partnerships/two-zero'],
    ['/modules/partnerships/two-zero', '/modules/partnerships/two-zero'],
    ['/modules/partnerships/two-zero.html', '/modules/partnerships/two-zero.html'],
    ['/old/caf%C3%A9/', '/old/café'],
  ])('%j -> %j', (path, key) => {
    expect(legacyPathKey(path)).toBe(key);
  });
});

describe('redirectMapSchema', () => {
  it.each(['https://evil.example/', '//evil.example/', 'javascript:alert(1)', '/a b', 'relative/'])(
    'refuses the target %j',
    (target) => {
      expect(redirectMapSchema.safeParse({ version: 1, redirects: { '/old.html': target } }).success).toBe(false);
    },
  );

  it('accepts a page URL', () => {
    const map = { version: 1, redirects: { '/old.html': '/modules/partnerships/two-zero/' } };
    expect(redirectMapSchema.parse(map)).toEqual(map);
  });
});
