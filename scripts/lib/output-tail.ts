/**
 * The last lines a build printed, kept for the message of a build that fails. Only for people to
 * read: what a build did comes back as its report (see shared/src/build-report.ts), never from
 * its output.
 */
export class OutputTail {
  readonly #lines: string[] = [];

  constructor(private readonly keep = 200) {}

  /** Records one printed line. */
  add(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.keep) this.#lines.shift();
  }

  /** The last lines, for an error message. */
  text(count = 25): string {
    return this.#lines.slice(-count).join('\n');
  }
}
