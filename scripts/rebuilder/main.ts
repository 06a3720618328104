import { readDotenv } from '../lib/read-dotenv.js';
import { runRebuilder } from './run-rebuilder.js';

/**
 * The rebuild service on its own: `npx tsx scripts/rebuilder/main.ts` (npm start runs it as a
 * child). Reads `.env` plus the process environment; Ctrl-C or SIGTERM stops it after aborting a
 * running build, whose partial release is removed.
 */
async function main(): Promise<void> {
  const rebuilder = await runRebuilder({ env: readDotenv() });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void rebuilder.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
