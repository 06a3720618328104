import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { cmsDir } from './paths.js';

export interface StrapiTransferOptions {
  /** `export` or `import`, with their arguments (the key among them). */
  args: ['export' | 'import', ...string[]];
  /** The whole environment of the CMS: its database, secrets and the rest. */
  env: Record<string, string | undefined>;
  /** Where everything Strapi prints goes; a person reads it only when something failed. */
  logFile: string;
  /** `[backup]` or `[restore]`, for the error message. */
  prefix: string;
  /** Values never to write to the log or an error message (the key is an argument). */
  secrets: string[];
}

/** How many of Strapi's last lines a failure shows. */
const TAIL_LINES = 20;

/**
 * Runs Strapi's own data transfer (`strapi export` / `strapi import`) in the compiled CMS, with no
 * terminal to prompt on, and keeps its progress bars and tables out of the way in `logFile`. On
 * failure throws with its last lines (secrets masked) and where the rest is.
 */
export async function runStrapiTransfer(options: StrapiTransferOptions): Promise<void> {
  const result = await execa('strapi', options.args, {
    cwd: cmsDir,
    env: { ...options.env, STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true' },
    extendEnv: false,
    preferLocal: true,
    stdin: 'ignore',
    all: true,
    reject: false,
  });
  const mask = (text: string): string =>
    options.secrets.reduce((masked, secret) => (secret ? masked.split(secret).join('***') : masked), text);
  // Strapi colours its lines and draws spinners for a terminal; in a file they are only noise.
  const output = mask(stripVTControlCharacters(result.all));
  await mkdir(path.dirname(options.logFile), { recursive: true });
  await writeFile(options.logFile, output, { mode: 0o600 });
  if (result.exitCode === 0) return;
  const tail = output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
  const how =
    result.exitCode === undefined ? (result.signal ?? 'it did not start') : `exit code ${String(result.exitCode)}`;
  throw new Error(
    `${options.prefix} strapi ${options.args[0]} failed (${how}). Its last lines:\n${tail}\nEverything it printed is in ${options.logFile}.`,
    { cause: new Error(mask(result.shortMessage ?? how)) },
  );
}
