import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';

type Child = ResultPromise<{ all: true; reject: false }>;

/** How long children get to exit on the Ctrl-C they received themselves before we send SIGTERM. */
const GRACE_MS = 5_000;

/** Prefixes each line a child prints, so interleaved output stays readable. */
function pipeLines(stream: NodeJS.ReadableStream, prefix: string, write: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) if (line.trim() !== '') write(`${prefix} ${line}`);
  });
}

/**
 * The long-running child processes of `npm start`. Ctrl-C (or SIGTERM) stops every one of them
 * and waits for them to exit, so no Strapi is left holding the port or the SQLite file.
 */
export class ChildGroup {
  readonly #children = new Map<string, Child>();
  /** Set by the first stop(); later calls wait for the same shutdown. */
  #stopping: Promise<void> | undefined;

  constructor(
    private readonly write: (line: string) => void = (line) => {
      console.log(line);
    },
  ) {
    // `on`, not `once`: a terminal's Ctrl-C can reach this process twice (directly and relayed by
    // tsx), and a second signal without a listener would kill it before the children are reaped.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        void this.stop(signal).then(() => process.exit(0));
      });
    }
  }

  /** Starts a child whose output is printed with `[name]` in front of each line. */
  spawn(
    name: string,
    command: string,
    args: string[],
    options: { cwd: string; env: Record<string, string | undefined> },
  ): Child {
    const child = execa(command, args, {
      cwd: options.cwd,
      env: options.env,
      extendEnv: false,
      preferLocal: true,
      all: true,
      reject: false,
      forceKillAfterDelay: 5_000,
    });
    // Once stopping, children's own shutdown output is dropped: Strapi 5 in development prints a
    // harmless stack trace when it stops (strapi/strapi#21458), which would only alarm the reader.
    pipeLines(child.all, `[${name}]`, (line) => {
      if (this.#stopping === undefined) this.write(line);
    });
    this.#children.set(name, child);
    void child.then((result) => {
      this.#children.delete(name);
      if (this.#stopping === undefined)
        this.write(`[start] ${name} exited (${result.exitCode ?? result.signal ?? 'unknown'}).`);
    });
    return child;
  }

  /** Stops every child (SIGTERM, then SIGKILL after 5 s) and waits until all have exited. */
  stop(signal?: NodeJS.Signals): Promise<void> {
    this.#stopping ??= (async () => {
      this.write('[start] Stopping…');
      const running = [...this.#children.values()];
      // Ctrl-C reaches the whole process group, so the children are already shutting down; a
      // second signal would make Strapi run its shutdown twice and crash. Give them a moment first.
      if (signal === 'SIGINT') await Promise.race([Promise.all(running), sleep(GRACE_MS)]);
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(running);
      this.write('[start] Stopped.');
    })();
    return this.#stopping;
  }
}
