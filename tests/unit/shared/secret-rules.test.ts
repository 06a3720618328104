import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, secretProblem } from '@lm/shared';

describe('secretProblem', () => {
  it.each([
    [undefined, /missing or empty/],
    ['', /missing or empty/],
    ['   ', /missing or empty/],
    ['change-me', /placeholder/],
    ['change-me-key-1', /placeholder/],
    [`change-me${'x'.repeat(40)}`, /placeholder/],
    ['x', /too short \(1 characters; at least 32\)/],
    ['a'.repeat(MIN_SECRET_LENGTH - 1), /too short \(31 characters/],
    [`  ${'a'.repeat(20)}  `, /too short \(20 characters/],
  ])('refuses %j', (value, problem) => {
    expect(secretProblem(value)).toMatch(problem);
  });

  it.each([
    ['a'.repeat(MIN_SECRET_LENGTH)],
    ['q3kK4mWcV0bq3xZ1fRr7cX2+yq8hV1Qx6o8Xc2Lw9dA='],
    [' padded-but-long-enough-0123456789abc '],
  ])('accepts %j', (value) => {
    expect(secretProblem(value)).toBeUndefined();
  });
});
