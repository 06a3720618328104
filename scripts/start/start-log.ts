import { createWriteStream, existsSync, mkdirSync, renameSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { OutputTail } from '../lib/output-tail.js';

/** `[cms] line` → `cms`; the parts of `npm start` prefix every line they print with their name. */
const partOf = (line: string): string | undefined => /^\[([a-z-]+)\]/.exec(line)?.[1];

/**
 * Where the detail of `npm start` goes: every line of every part (Strapi's migrations and request
 * lines, the builds' output), each with the time it was printed. The terminal shows only the steps
 * and the summary, unless `--verbose`. The last start's log is kept beside it, so a restart does
 * not erase what went wrong before.
 */
export class StartLog {
  readonly #stream: WriteStream;
  readonly #tails = new Map<string, OutputTail>();

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    if (existsSync(file)) renameSync(file, file.replace(/\.log$/, '.previous.log'));
    this.#stream = createWriteStream(file, { flags: 'w', mode: 0o600 });
  }

  /** Records a line, and keeps the last lines of each part for an error message. */
  write(coloured: string): void {
    // Strapi colours its lines for a terminal; in a file the escape codes are only noise.
    const line = stripVTControlCharacters(coloured);
    this.#stream.write(`${new Date().toISOString()} ${line}\n`);
    const part = partOf(line);
    if (part === undefined) return;
    let tail = this.#tails.get(part);
    if (!tail) {
      tail = new OutputTail(40);
      this.#tails.set(part, tail);
    }
    tail.add(line);
  }

  /** The last lines a part printed, to show with a message that it failed. */
  lastLines(part: string, count = 15): string {
    return this.#tails.get(part)?.text(count) ?? '';
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#stream.end(resolve);
    });
  }
}
