import { describe, expect, it } from 'vitest';
import { MAX_TARGET_LENGTH, parseRequestPath, type RequestPath } from '../../../scripts/lib/parse-request-path.js';

const path = (...segments: string[]): RequestPath => ({ kind: 'path', segments });
const notFound: RequestPath = { kind: 'not-found' };

describe('parseRequestPath', () => {
  const cases: Array<[target: string, expected: RequestPath | RequestPath['kind']]> = [
    ['/', path()],
    ['/modules/x/', path('modules', 'x')],
    ['/modules/x', path('modules', 'x')],
    ['//modules//x', path('modules', 'x')],
    ['/a%20b/?q=%zz#frag', path('a b')],
    ['/caf%C3%A9/', path('café')],
    ['/.well-known/security.txt', path('.well-known', 'security.txt')],
    ['http://example.org/modules/x/', path('modules', 'x')],
    ['/..%2f..%2fetc/passwd', notFound],
    ['/%2e%2e/%2e%2e/etc/passwd', notFound],
    ['/../etc/passwd', notFound],
    ['/./index.html', notFound],
    ['/.render-manifest.json', notFound],
    ['/modules/.hidden/x', notFound],
    ['/%E0%A4%A', 'bad-request'],
    ['/%', 'bad-request'],
    ['/%00', 'bad-request'],
    ['/%C0%AF', 'bad-request'],
    ['*', 'bad-request'],
    ['index.html', 'bad-request'],
    ['ftp://example.org/', 'bad-request'],
    [`/${'a'.repeat(MAX_TARGET_LENGTH)}`, 'too-long'],
  ];
  it.each(cases)('%s', (target, expected) => {
    const result = parseRequestPath(target);
    if (typeof expected === 'string') expect(result.kind).toBe(expected);
    else expect(result).toEqual(expected);
  });
});
