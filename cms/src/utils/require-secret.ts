import { MAKE_SECRET_HINT, secretProblem } from './shared';

type Env = (name: string, fallback?: string) => string | undefined;

/**
 * Throws when `value` is not fit to protect a production CMS (missing, empty, a placeholder from
 * `.env.example`, or shorter than 32 characters), naming the variable and how to make a good one.
 * A comma-separated list (APP_KEYS) is checked key by key.
 */
export function assertProductionSecret(name: string, value: string | undefined): void {
  const parts = (value ?? '').split(',');
  parts.forEach((part, index) => {
    const problem = secretProblem(part);
    if (problem === undefined) return;
    const which = parts.length > 1 ? ` (key ${index + 1} of ${parts.length})` : '';
    throw new Error(
      `[cms] ${name} is ${problem}${which}. Set ${name} to a fresh random value ` +
        `(for example: ${MAKE_SECRET_HINT}) before starting in production.`,
    );
  });
}

/**
 * Reads a secret from the environment. Outside production anything goes (the first `npm start`
 * writes fresh ones into `.env`), but in production Strapi must not start with a missing, placeholder
 * or short secret, because it would sign sessions and tokens with it.
 */
export function requireSecret(env: Env, name: string): string {
  const value = env(name)?.trim() ?? '';
  if (env('NODE_ENV') === 'production') assertProductionSecret(name, value);
  return value;
}
