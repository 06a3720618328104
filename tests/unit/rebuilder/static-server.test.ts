import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapSymlink } from '../../../scripts/rebuilder/swap-symlink.js';
import { get, header, raw } from '../../helpers/raw-http.js';
import { BIG, staticServerFixture } from './static-server-fixture.js';

const fixture = staticServerFixture();

describe('createStaticServer', () => {
  it('answers 503 until a release is live, then follows the live link from one request to the next', async () => {
    const port = await fixture.serve();
    const base = `http://127.0.0.1:${port}`;
    const none = await fetch(`${base}/`);
    expect(none.status).toBe(503);
    expect(none.headers.get('retry-after')).toBe('5');
    expect(none.headers.get('x-frame-options')).toBe('DENY');

    await fixture.release('a', 'A');
    await fixture.release('b', 'B');
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    expect(await (await fetch(`${base}/`)).text()).toBe('A');
    expect(await (await fetch(`${base}/modules/x/`)).text()).toBe('A module');
    // As before: the folder without its trailing slash is served too, not redirected.
    expect(await (await fetch(`${base}/modules/x`)).text()).toBe('A module');
    const home = await fetch(`${base}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = home.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    // Sent raw: fetch adds `Cache-Control: no-cache` to a conditional request, which asks for the body.
    const revalidated = await raw(port, get('/', [`If-None-Match: ${etag}`]));
    expect(revalidated.status).toBe(304);
    expect(header(revalidated, 'cache-control')).toBe('no-cache');
    expect(header(revalidated, 'content-security-policy')).toContain("default-src 'self'");

    await swapSymlink(path.join(fixture.dir, 'live'), 'b');
    expect(await (await fetch(`${base}/`)).text()).toBe('B');
    const missing = await fetch(`${base}/gone/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('B missing');
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
    const manifest = await fetch(`${base}/.render-manifest.json`);
    expect(manifest.status).toBe(404);
    expect(await manifest.text()).toBe('B missing');
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers a suffix range with the last bytes and a reversed range with 416, and keeps serving', async () => {
    await fixture.release('a', 'A');
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();

    const suffix = await raw(port, get('/big.bin', ['Range: bytes=-100']));
    expect(suffix.status).toBe(206);
    expect(header(suffix, 'content-range')).toBe('bytes 900-999/1000');
    expect(suffix.body.equals(BIG.subarray(900))).toBe(true);

    const middle = await raw(port, get('/big.bin', ['Range: bytes=10-19']));
    expect(middle.status).toBe(206);
    expect(middle.body.equals(BIG.subarray(10, 20))).toBe(true);

    const reversed = await raw(port, get('/', ['Range: bytes=100-50']));
    expect(reversed.status).toBe(416);
    expect((await raw(port, get('/'))).status).toBe(200);
  });

  /**
   * Each request the attack battery sent, with the answer it must get. After each one the server
   * must still serve `/`: a crash, a hang or a second response on one socket fails the test.
   */
  const malformed: Array<[name: string, request: string, expected: number | number[]]> = [
    ['reversed range on the home page', get('/', ['Range: bytes=100-50']), 416],
    ['reversed range on a file', get('/big.bin', ['Range: bytes=100-50']), 416],
    ['range past the end', get('/big.bin', ['Range: bytes=5000-6000']), 416],
    ['open range past the end', get('/big.bin', ['Range: bytes=1000-']), 416],
    ['range ending past the end', get('/big.bin', ['Range: bytes=990-5000']), 206],
    ['suffix range', get('/big.bin', ['Range: bytes=-100']), 206],
    ['zero-length suffix', get('/big.bin', ['Range: bytes=-0']), 416],
    ['two ranges', get('/big.bin', ['Range: bytes=0-1,5-6']), 200],
    ['many overlapping ranges', get('/big.bin', [`Range: bytes=${'0-5,'.repeat(500)}0-5`]), 206],
    ['range with letters', get('/big.bin', ['Range: bytes=abc-def']), [200, 416]],
    ['range without a unit', get('/big.bin', ['Range: 0-10']), 200],
    ['range in another unit', get('/big.bin', ['Range: items=0-10']), 200],
    ['empty range', get('/big.bin', ['Range: bytes=']), [200, 416]],
    ['negative start', get('/big.bin', ['Range: bytes=-5-10']), [200, 206, 416]],
    ['huge numbers', get('/big.bin', [`Range: bytes=${'9'.repeat(400)}-`]), [200, 416]],
    ['two Range headers', get('/big.bin', ['Range: bytes=0-1', 'Range: bytes=2-3']), [200, 206, 416]],
    ['range on a HEAD', get('/big.bin', ['Range: bytes=100-50'], 'HEAD'), 416],
    ['range with a stale If-Range', get('/big.bin', ['Range: bytes=0-1', 'If-Range: "nope"']), 200],
    ['range with a junk If-Range date', get('/big.bin', ['Range: bytes=0-1', 'If-Range: yesterday']), 200],
    ['range on a missing page', get('/nope/', ['Range: bytes=0-1']), 404],
    ['POST', get('/', ['Content-Length: 0'], 'POST'), 405],
    ['PUT with a body', get('/', ['Content-Length: 3'], 'PUT').concat('abc'), 405],
    ['DELETE', get('/', [], 'DELETE'), 405],
    ['OPTIONS', get('/', [], 'OPTIONS'), 405],
    ['OPTIONS *', get('*', [], 'OPTIONS'), 405],
    ['TRACE', get('/', [], 'TRACE'), 405],
    ['PROPFIND', get('/', [], 'PROPFIND'), 405],
    ['an unknown method', get('/', [], 'BREW'), [400, 405]],
    ['lower-case get', get('/', [], 'get'), [400, 405]],
    ['cut-off percent escape', get('/%E0%A4%A'), 400],
    ['invalid UTF-8 escape', get('/%C0%AF'), 400],
    ['a lone percent', get('/%'), 400],
    ['percent with letters', get('/%zz'), 400],
    ['encoded NUL', get('/%00'), 400],
    ['encoded NUL before an extension', get('/index.html%00.png'), 400],
    ['encoded traversal', get('/..%2f..%2fetc/passwd'), 404],
    ['encoded backslash traversal', get('/..%5c..%5cetc%5cpasswd'), 404],
    ['encoded dot segments', get('/%2e%2e/%2e%2e/etc/passwd'), 404],
    ['plain dot segments', get('/../../etc/passwd'), 404],
    ['dot segment inside', get('/modules/../../../etc/passwd'), 404],
    ['single dot segment', get('/./index.html'), 404],
    ['a dotfile', get('/.render-manifest.json'), 404],
    ['an encoded dotfile', get('/%2erender-manifest.json'), 404],
    ['a path through a file', get('/index.html/x'), 404],
    ['double slashes', get('//modules//x//'), 200],
    ['a query string', get('/?a=%zz&b=../../'), 200],
    ['a fragment', get('/#x'), 200],
    ['absolute-form target', get('http://localhost/modules/x/'), 200],
    ['absolute-form with traversal', get('http://localhost/..%2f..%2fetc/passwd'), 404],
    ['a target without a slash', get('index.html'), 400],
    ['a segment too long for the file system', get(`/${'a'.repeat(300)}`), 404],
    ['a very long URL', get(`/${'a/'.repeat(3000)}`), 414],
    ['a URL longer than the header limit', get(`/${'a'.repeat(20_000)}`), [414, 431]],
    ['a huge header', get('/', [`X-Big: ${'x'.repeat(20_000)}`]), 431],
    [
      'thousands of headers',
      get(
        '/',
        Array.from({ length: 3000 }, (_, index) => `X-H${index}: 1`),
      ),
      [200, 431],
    ],
    ['Accept-Encoding junk', get('/', ['Accept-Encoding: gzip;q=abc, br;q=-1, *;q=0, identity;q=0']), 200],
    ['Accept-Encoding empty', get('/', ['Accept-Encoding:']), 200],
    ['If-None-Match junk', get('/', ['If-None-Match: "', 'If-Modified-Since: junk']), 200],
    ['If-None-Match star', get('/', ['If-None-Match: *']), 304],
    ['If-None-Match W/ only', get('/', ['If-None-Match: W/']), 200],
    ['If-Modified-Since junk', get('/', ['If-Modified-Since: not a date']), 200],
    ['If-Modified-Since far future', get('/', ['If-Modified-Since: Thu, 01 Jan 2099 00:00:00 GMT']), 304],
    ['If-Modified-Since huge year', get('/', ['If-Modified-Since: Thu, 01 Jan 275761 00:00:00 GMT']), 200],
    ['If-Match junk', get('/', ['If-Match: "nope"']), 412],
    ['If-Unmodified-Since the epoch', get('/', ['If-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT']), 412],
    ['Cache-Control no-cache with a match', get('/', ['If-None-Match: *', 'Cache-Control: no-cache']), 200],
    ['HTTP/1.0 without Host', 'GET / HTTP/1.0\r\n\r\n', 200],
    ['HTTP/1.1 without Host', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
    ['garbage request line', 'HELLO\r\n\r\n', 400],
    ['bad header line', 'GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n', 400],
    ['an Expect the server does not know', get('/', ['Expect: tea']), 417],
    ['a broken chunked body', get('/', ['Transfer-Encoding: chunked']).concat('zz\r\n\r\n'), [0, 200, 400]],
    ['both Content-Length and chunked', get('/', ['Content-Length: 3', 'Transfer-Encoding: chunked']), 400],
    ['CONNECT', 'CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n', [0, 400, 405]],
  ];

  it('answers every malformed request with a proper status and keeps serving', async () => {
    await fixture.release('a', 'A');
    await swapSymlink(path.join(fixture.dir, 'live'), 'a');
    const port = await fixture.serve();
    for (const [name, request, expected] of malformed) {
      const response = await raw(port, request);
      const allowed = Array.isArray(expected) ? expected : [expected];
      expect({ name, status: response.status, allowed: allowed.includes(response.status) }).toEqual({
        name,
        status: response.status,
        allowed: true,
      });
      // One response per request: nothing after the first body (a second status line means a double write).
      expect({ name, second: /HTTP\/1\.[01] \d{3}/.test(response.body.toString('latin1')) }).toEqual({
        name,
        second: false,
      });
      const after = await raw(port, get('/'));
      expect({ name, after: after.status }).toEqual({ name, after: 200 });
    }
    expect(fixture.errors).toEqual([]);
  }, 60_000);
});
