import { describe, expect, it } from 'vitest';
import { secretMatches } from '../../../scripts/rebuilder/http/secret-matches.js';
import { describeError } from '../../../scripts/rebuilder/describe-error.js';

describe('secretMatches', () => {
  const secret = 'a-long-shared-secret-value';
  it.each([
    ['the secret', secret, true],
    ['a wrong secret of the same length', secret.replace('a', 'b'), false],
    ['a prefix of it', secret.slice(0, 5), false],
    ['a longer value', `${secret}x`, false],
    ['nothing', undefined, false],
    ['an empty header', '', false],
    ['a repeated header', [secret, secret], false],
  ])('%s → %s', (_name, presented, expected) => {
    expect(secretMatches(presented, secret)).toBe(expected);
  });
});

describe('describeError', () => {
  it('joins the chain of causes', () => {
    const error = new Error('[rebuild] Cannot read the fingerprint', {
      cause: new Error('fetch failed', { cause: new Error('ECONNREFUSED') }),
    });
    expect(describeError(error)).toBe(
      '[rebuild] Cannot read the fingerprint — caused by: fetch failed — caused by: ECONNREFUSED',
    );
  });

  it('keeps non-errors readable', () => {
    expect(describeError('plain')).toBe('plain');
    expect(describeError({ code: 1 })).toBe('{ code: 1 }');
  });
});
