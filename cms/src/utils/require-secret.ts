/**
 * The value `.env.example` ships for every secret. A value that still starts with it was never
 * replaced, so production must refuse it just as it refuses a missing one.
 */
export const PLACEHOLDER_PREFIX = 'change-me';

type Env = (name: string, fallback?: string) => string | undefined;

/**
 * Reads a secret from the environment. Outside production a missing secret is allowed to fall back
 * (the first `npm start` writes fresh ones into `.env`), but in production Strapi must not start with
 * a missing or placeholder secret, because Strapi would otherwise sign sessions and tokens with it.
 */
export function requireSecret(env: Env, name: string): string {
  const value = env(name)?.trim() ?? '';
  const isProduction = env('NODE_ENV') === 'production';
  const parts = value.split(',').map((part) => part.trim());
  const bad = value === '' || parts.some((part) => part === '' || part.startsWith(PLACEHOLDER_PREFIX));
  if (bad && isProduction) {
    throw new Error(
      `[cms] ${name} is ${value === '' ? 'missing' : 'still a placeholder from .env.example'}. ` +
        `Set ${name} to a fresh random value (for example: openssl rand -base64 32) before starting in production.`,
    );
  }
  return value;
}
