import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Variables whose placeholder becomes a list of random values rather than one. */
const LIST_VARIABLES: Record<string, number> = { APP_KEYS: 4 };

const secret = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * Replaces each `change-me` placeholder of `.env.example` with a fresh random secret, keeping the
 * comments and order so the written `.env` stays readable.
 */
export function fillSecrets(example: string, random: (bytes: number) => string = secret): string {
  return example
    .split('\n')
    .map((line) => {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
      if (!match?.[1] || !match[2]?.includes('change-me')) return line;
      const name = match[1];
      // Tokens are sent in headers, so they get more entropy and a URL-safe alphabet.
      const size = name.endsWith('_TOKEN') ? 48 : 24;
      const count = LIST_VARIABLES[name];
      const value = count ? Array.from({ length: count }, () => random(size)).join(',') : random(size);
      return `${name}=${value}`;
    })
    .join('\n');
}

/**
 * Writes `.env` from `.env.example` with fresh secrets when it does not exist yet.
 * Returns true when it wrote the file. An existing `.env` is never touched.
 */
export function ensureEnvFile(envPath: string, examplePath: string): boolean {
  if (existsSync(envPath)) return false;
  let example: string;
  try {
    example = readFileSync(examplePath, 'utf8');
  } catch (error) {
    throw new Error(`[start] Cannot read ${examplePath} to create .env from it. Restore it from git.`, {
      cause: error,
    });
  }
  writeFileSync(envPath, fillSecrets(example), { mode: 0o600 });
  return true;
}
