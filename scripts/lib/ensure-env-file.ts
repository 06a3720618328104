import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PLACEHOLDER_PREFIX } from '@lm/shared';
import { applyValues } from './first-start-values.js';

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
      if (!match?.[1] || !match[2]?.includes(PLACEHOLDER_PREFIX)) return line;
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
 * Writes `.env` from `.env.example` with fresh secrets when it does not exist yet, with the
 * settings chosen for the first start (see first-start-values.ts) in place of the examples'.
 * Returns true when it wrote the file. An existing `.env` is never touched.
 */
export function ensureEnvFile(envPath: string, examplePath: string, chosen: Record<string, string> = {}): boolean {
  if (existsSync(envPath)) return false;
  let example: string;
  try {
    example = readFileSync(examplePath, 'utf8');
  } catch (error) {
    throw new Error(`[start] Cannot read ${examplePath} to create .env from it. Restore it from git.`, {
      cause: error,
    });
  }
  writeFileSync(envPath, fillSecrets(applyValues(example, chosen)), { mode: 0o600 });
  return true;
}

const ASSIGNMENT = /^([A-Z0-9_]+)=/;

/**
 * The part of `.env.example` that an existing `.env` lacks: each missing variable with the comment
 * lines just above it, placeholders filled with fresh secrets. Returns the names and the text to
 * append ('' when nothing is missing).
 */
export function missingEnvLines(
  existing: string,
  example: string,
  random: (bytes: number) => string = secret,
): { names: string[]; text: string } {
  const present = new Set(
    existing
      .split('\n')
      .map((line) => ASSIGNMENT.exec(line.trim())?.[1])
      .filter((name) => name !== undefined),
  );
  const names: string[] = [];
  const blocks: string[] = [];
  let comments: string[] = [];
  for (const line of example.split('\n')) {
    const name = ASSIGNMENT.exec(line)?.[1];
    if (name === undefined) {
      // A blank line ends a comment block; a comment line extends it.
      comments = line.startsWith('#') ? [...comments, line] : [];
      continue;
    }
    if (!present.has(name)) {
      names.push(name);
      blocks.push(...comments, fillSecrets(line, random));
    }
    comments = [];
  }
  return { names, text: blocks.join('\n') };
}

/**
 * Appends to an existing `.env` the variables that `.env.example` gained since it was written (with
 * fresh secrets for placeholders), so an older `.env` keeps working after an update. Values already
 * in `.env` are never changed. Returns the names added.
 */
export function appendMissingEnvKeys(envPath: string, examplePath: string): string[] {
  if (!existsSync(envPath)) return [];
  const existing = readFileSync(envPath, 'utf8');
  const { names, text } = missingEnvLines(existing, readFileSync(examplePath, 'utf8'));
  if (names.length === 0) return [];
  const separator = existing.endsWith('\n') ? '\n' : '\n\n';
  appendFileSync(envPath, `${separator}# Added by npm start from .env.example:\n${text}\n`);
  return names;
}
