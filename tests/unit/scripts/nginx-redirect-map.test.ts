import { describe, expect, it } from 'vitest';
import { nginxRedirectMap } from '../../../scripts/nginx/nginx-redirect-map.js';
import { nginxLiteral, nginxString } from '../../../scripts/nginx/nginx-string.js';

describe('nginxRedirectMap', () => {
  it('keys each old path as the server looks it up: decoded, without its trailing slash', () => {
    const map = nginxRedirectMap({
      '/modules/a/old.html': '/modules/a/new/',
      '/modules/a/old-folder/': '/modules/a/new/',
      '/modules/a/caf%C3%A9/': '/modules/a/cafe/',
    });
    expect(map.split('\n').slice(1)).toEqual([
      '"/modules/a/old.html" "/modules/a/new/";',
      '"/modules/a/old-folder" "/modules/a/new/";',
      '"/modules/a/café" "/modules/a/cafe/";',
      '',
    ]);
  });

  it('quotes a key so that no old path can end the map or add a directive', () => {
    expect(nginxRedirectMap({ '/a";}%20x': '/b/' })).toContain('"/a\\";} x" "/b/";');
  });
});

describe('nginx strings', () => {
  it.each([
    ['plain', 'no-cache', '"no-cache"'],
    ['quotes and backslashes', `a "b" \\c`, `"a \\"b\\" \\\\c"`],
    ['single quotes as they are', "default-src 'self'", `"default-src 'self'"`],
  ])('writes %s', (_name, value, expected) => {
    expect(nginxString(value)).toBe(expected);
  });

  it('refuses a "$" where nginx would read a variable, and a control character anywhere', () => {
    expect(() => nginxString('script-src $x')).toThrow(/holds a "\$"/);
    expect(nginxLiteral('/price$')).toBe('"/price$"');
    expect(() => nginxLiteral('/a\nb')).toThrow(/control character/);
  });
});
