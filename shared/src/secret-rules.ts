/**
 * The value `.env.example` ships for every secret and token. A value that still starts with it was
 * never replaced, so production must refuse it just as it refuses a missing one.
 */
export const PLACEHOLDER_PREFIX = 'change-me';

/**
 * The shortest secret production accepts. `openssl rand -base64 32` prints 44 characters and the
 * secrets `npm start` writes have 32 or more, so only a hand-typed or truncated value falls short.
 */
export const MIN_SECRET_LENGTH = 32;

/** How to make a value that passes, for error messages. */
export const MAKE_SECRET_HINT = 'openssl rand -base64 32';

/**
 * What is wrong with a secret or token for production use, as a phrase that completes
 * "NAME is ...", or undefined when it is fine. Surrounding whitespace does not count, since
 * `.env` files and shells add it by accident.
 */
export function secretProblem(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return 'missing or empty';
  if (trimmed.startsWith(PLACEHOLDER_PREFIX)) return 'still a placeholder from .env.example';
  if (trimmed.length < MIN_SECRET_LENGTH) {
    return `too short (${trimmed.length} characters; at least ${MIN_SECRET_LENGTH})`;
  }
  return undefined;
}
