import { describe, expect, it } from 'vitest';
import { isConnectionReset, retryOnReset } from '../../../site/src/lib/retry-on-reset.js';

const reset = (code: string): Error =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

/** A fetch that fails with `failures` in turn, then answers. */
function flakyFetch(failures: Error[]): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  return {
    fetch: () => {
      const failure = failures[calls];
      calls += 1;
      return failure ? Promise.reject(failure) : Promise.resolve(new Response('ok'));
    },
    calls: () => calls,
  };
}

describe('isConnectionReset', () => {
  it.each<[string, unknown, boolean]>([
    ['a reset socket', reset('ECONNRESET'), true],
    ["undici's socket error", reset('UND_ERR_SOCKET'), true],
    ['a refused connection (Strapi is down)', reset('ECONNREFUSED'), false],
    ['an error without a cause', new Error('boom'), false],
    ['not an error', 'ECONNRESET', false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isConnectionReset(error)).toBe(expected);
  });
});

describe('retryOnReset', () => {
  it('sends the request again after a reset and returns the answer', async () => {
    const flaky = flakyFetch([reset('ECONNRESET'), reset('ECONNRESET')]);
    const response = await retryOnReset(flaky.fetch)('http://cms.test/graphql');
    expect(await response.text()).toBe('ok');
    expect(flaky.calls()).toBe(3);
  });

  it('gives up after the attempts allowed, with the last error', async () => {
    const flaky = flakyFetch([reset('ECONNRESET'), reset('ECONNRESET'), reset('EPIPE')]);
    await expect(retryOnReset(flaky.fetch, 3)('http://cms.test/graphql')).rejects.toThrow('fetch failed');
    expect(flaky.calls()).toBe(3);
  });

  it('does not retry other failures', async () => {
    const flaky = flakyFetch([reset('ECONNREFUSED')]);
    await expect(retryOnReset(flaky.fetch)('http://cms.test/graphql')).rejects.toThrow('fetch failed');
    expect(flaky.calls()).toBe(1);
  });
});
