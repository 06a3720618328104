const REQUESTS = /\((\d+) GraphQL requests so far\)/;
const PAGES = /(\d+) page\(s\) built/;

/** What a build reported about itself, read from the lines Astro and our loaders print. */
export class BuildOutput {
  graphqlRequests = 0;
  pageCount = 0;
  readonly #lines: string[] = [];

  /** Records one printed line. */
  add(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > 200) this.#lines.shift();
    this.graphqlRequests = Math.max(this.graphqlRequests, Number(REQUESTS.exec(line)?.[1] ?? 0));
    this.pageCount = Math.max(this.pageCount, Number(PAGES.exec(line)?.[1] ?? 0));
  }

  /** The last lines, for an error message. */
  tail(count = 25): string {
    return this.#lines.slice(-count).join('\n');
  }
}

/** Calls `onLine` with each complete line of a text stream. */
export function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) onLine(line);
  });
}
