import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Reads a dotenv file into a plain object. Variables already set in the process win, so a value
 * given on the command line or by CI overrides the file.
 */
export function loadEnvFile(
  path: string,
  processEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`[env] Cannot read ${path}. Run \`npm start\` once to create it, or copy .env.example to .env.`, {
      cause: error,
    });
  }
  return { ...parseEnv(text), ...processEnv };
}
