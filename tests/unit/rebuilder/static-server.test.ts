import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../../scripts/lib/static-server.js';
import { swapSymlink } from '../../../scripts/rebuilder/swap-symlink.js';

let dir = '';
let server: Server | null = null;
const errors: string[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lm-static-'));
  errors.length = 0;
});
afterEach(async () => {
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = null;
  await rm(dir, { recursive: true, force: true });
});

/** A file of 1,000 bytes whose byte i is `i % 251`, so any slice is recognisable. */
const BIG = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));

async function release(name: string, label: string): Promise<void> {
  await mkdir(path.join(dir, name, 'modules', 'x'), { recursive: true });
  await writeFile(path.join(dir, name, 'index.html'), label);
  await writeFile(path.join(dir, name, 'modules', 'x', 'index.html'), `${label} module`);
  await writeFile(path.join(dir, name, '404.html'), `${label} missing`);
  await writeFile(path.join(dir, name, 'big.bin'), BIG);
  await writeFile(path.join(dir, name, '.render-manifest.json'), '{}');
}

/** Serves `dir/live` on a free port; returns the port. */
async function serve(): Promise<number> {
  const started = createStaticServer(() => path.join(dir, 'live'), {
    logError: (message) => errors.push(message),
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  const address = started.address();
  return typeof address === 'object' && address ? address.port : 0;
}

interface RawResponse {
  /** 0 when the server closed the connection without a status line. */
  status: number;
  head: string;
  body: Buffer;
}

/**
 * Sends bytes as they are (fetch and http.request would normalise or refuse most of these) and
 * reads until the server closes the connection. Every request asks for `Connection: close`.
 */
function raw(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => {
      socket.destroy(new Error(`No answer within 5 s to ${JSON.stringify(request.slice(0, 80))}`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server may reset a connection it refused; what it sent before still counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = split === -1 ? all.toString('latin1') : all.subarray(0, split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
    socket.write(request);
  });
}

const get = (target: string, headers: string[] = [], method = 'GET'): string =>
  [`${method} ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...headers, '', ''].join('\r\n');

const header = (response: RawResponse, name: string): string | undefined =>
  new RegExp(`^${name}: *(.*)$`, 'im').exec(response.head)?.[1]?.trim();

describe('createStaticServer', () => {
  it('answers 503 until a release is live, then follows the live link from one request to the next', async () => {
    const port = await serve();
    const base = `http://127.0.0.1:${port}`;
    const none = await fetch(`${base}/`);
    expect(none.status).toBe(503);
    expect(none.headers.get('retry-after')).toBe('5');
    expect(none.headers.get('x-frame-options')).toBe('DENY');

    await release('a', 'A');
    await release('b', 'B');
    await swapSymlink(path.join(dir, 'live'), 'a');
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

    await swapSymlink(path.join(dir, 'live'), 'b');
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
    await release('a', 'A');
    await swapSymlink(path.join(dir, 'live'), 'a');
    const port = await serve();

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
    await release('a', 'A');
    await swapSymlink(path.join(dir, 'live'), 'a');
    const port = await serve();
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
    expect(errors).toEqual([]);
  }, 60_000);

  it('never follows a symlink planted inside a release; the other pages stay up', async () => {
    await release('a', 'A');
    const live = path.join(dir, 'a');
    await symlink('/etc/passwd', path.join(live, 'passwd.html'));
    await symlink('/etc/passwd', path.join(live, 'modules', 'x', 'secret.txt'));
    await symlink('/', path.join(live, 'modules', 'root'));
    await symlink('/etc', path.join(live, 'etc'));
    await swapSymlink(path.join(dir, 'live'), 'a');
    const port = await serve();
    for (const target of [
      '/passwd.html',
      '/passwd',
      '/modules/x/secret.txt',
      '/modules/root/',
      '/modules/root',
      '/modules/root/etc/passwd',
      '/etc/passwd',
      '/etc/',
    ]) {
      const response = await raw(port, get(target));
      expect({ target, status: response.status }).toEqual({ target, status: 404 });
      expect(response.body.toString('utf8')).not.toContain('root:');
    }
    for (const target of ['/', '/modules/x/', '/big.bin']) {
      expect({ target, status: (await raw(port, get(target))).status }).toEqual({ target, status: 200 });
    }
  });

  it('serves a plain 404 when the 404 page itself is a symlink', async () => {
    await release('a', 'A');
    await rm(path.join(dir, 'a', '404.html'));
    await symlink('/etc/passwd', path.join(dir, 'a', '404.html'));
    await swapSymlink(path.join(dir, 'live'), 'a');
    const port = await serve();
    const response = await raw(port, get('/nope/'));
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).not.toContain('root:');
  });

  it('serves nothing when live points outside the releases folder', async () => {
    await symlink('/', path.join(dir, 'live'));
    const port = await serve();
    const response = await raw(port, get('/etc/passwd'));
    expect(response.status).toBe(503);
    expect(response.body.toString('utf8')).not.toContain('root:');
  });
});
