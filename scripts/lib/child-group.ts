import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type Result, type ResultPromise } from 'execa';
import { RestartPolicy } from './restart-policy.js';

type Child = ResultPromise<{ all: true; reject: false }>;

/** How long children get to exit on the Ctrl-C they received themselves before we send SIGTERM. */
const GRACE_MS = 5_000;
/**
 * Ctrl-C reaches the children and this process at once; a child may be seen exiting a moment
 * before our own handler runs. Wait this long before calling an exit unexpected.
 */
const EXIT_SETTLE_MS = 300;

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

/** "code 1", "signal SIGKILL", or why it could not start at all. */
function describeExit(result: Result): string {
  if (result.signal) return `signal ${result.signal}`;
  if (result.exitCode !== undefined) return `code ${result.exitCode}`;
  return result.shortMessage ?? 'it did not start';
}

/** A long-running part of `npm start`, restarted when it crashes. */
export interface Part {
  readonly name: string;
  /** Settles when the part is down for good: it crashed too often, or the group is stopping. */
  readonly down: Promise<void>;
  /** The process id of the current run (it changes with each restart). */
  readonly pid: number | undefined;
}

/** Where a part runs: its working directory and its whole environment (the parent's is not merged). */
export interface SpawnOptions {
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface ChildGroupOptions {
  write?: (line: string) => void;
  /** A fresh policy for each part (default: 5 restarts within 60 s). */
  restartPolicy?: () => RestartPolicy;
  /** Where a part's output can be read, for the message when it is given up on (default: "above"). */
  outputWhere?: string;
}

/**
 * The long-running child processes of `npm start`. One that exits on its own is started again
 * (within the restart policy's limits); Ctrl-C (or SIGTERM) stops every one of them once and waits
 * for them to exit, so no Strapi is left holding the port or the SQLite file.
 */
export class ChildGroup {
  readonly #children = new Map<string, Child>();
  readonly #write: (line: string) => void;
  readonly #restartPolicy: () => RestartPolicy;
  readonly #outputWhere: string;
  /** Set by the first stop(); later calls wait for the same shutdown. */
  #stopping: Promise<void> | undefined;

  constructor(options: ChildGroupOptions = {}) {
    this.#write =
      options.write ??
      ((line) => {
        console.log(line);
      });
    this.#restartPolicy = options.restartPolicy ?? (() => new RestartPolicy());
    this.#outputWhere = options.outputWhere ?? 'above';
  }

  /** Stops the group, then exits this process, on Ctrl-C, SIGTERM or SIGHUP. */
  stopOnSignals(): void {
    // `on`, not `once`: a terminal's Ctrl-C can reach this process twice (directly and relayed by
    // tsx), and a second signal without a listener would kill it before the children are reaped.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        void this.stop(signal).then(() => process.exit(0));
      });
    }
  }

  /**
   * Starts a part whose output is printed with `[name]` in front of each line. When it exits
   * without being asked to, it is started again after a short wait, with a message saying so, until
   * the restart policy gives up; then a message says which part and where its output is.
   */
  spawn(name: string, command: string, args: string[], options: SpawnOptions): Part {
    const policy = this.#restartPolicy();
    let markDown: () => void = () => undefined;
    const down = new Promise<void>((resolve) => {
      markDown = resolve;
    });
    const state: { pid: number | undefined } = { pid: undefined };
    const part: Part = {
      name,
      down,
      get pid() {
        return state.pid;
      },
    };

    const run = (): void => {
      const child = this.#startChild(name, command, args, options);
      state.pid = child.pid;
      void child
        .then(async (result) => {
          if (await this.#shouldRestart(name, result, policy)) run();
          else markDown();
        })
        .catch((error: unknown) => {
          this.#write(`[start] Lost track of ${name}: ${error instanceof Error ? error.message : String(error)}`);
          markDown();
        });
    };

    run();
    return part;
  }

  /** Starts one run of a part, its output printed with `[name]` in front of each line. */
  #startChild(name: string, command: string, args: string[], options: SpawnOptions): Child {
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
      if (!this.#isStopping()) this.#write(line);
    });
    this.#children.set(name, child);
    return child;
  }

  /**
   * After a part exited: says so, waits out the restart policy's delay, and answers whether to start
   * it again (not when the group is stopping, nor once the policy gives up).
   */
  async #shouldRestart(name: string, result: Result, policy: RestartPolicy): Promise<boolean> {
    this.#children.delete(name);
    if (!this.#isStopping()) await sleep(EXIT_SETTLE_MS);
    if (this.#isStopping()) return false;
    const how = describeExit(result);
    const decision = policy.onExit();
    if (!decision.restart) {
      this.#write(
        `[start] ${name} exited unexpectedly (${how}) after ${decision.limit} restarts within ` +
          `${decision.windowMs / 1000} s; not restarting it again. Its output is ${this.#outputWhere}, on the lines ` +
          `starting with [${name}]: fix what it says and run npm start again. The other parts keep running; ` +
          'Ctrl-C stops them.',
      );
      return false;
    }
    this.#write(`[start] ${name} exited unexpectedly (${how}); restarting (${decision.attempt}/${decision.limit})…`);
    await sleep(decision.delayMs);
    return !this.#isStopping();
  }

  /** Read through a method: a field check before an `await` would otherwise be taken as still true after it. */
  #isStopping(): boolean {
    return this.#stopping !== undefined;
  }

  /** Stops every child (SIGTERM, then SIGKILL after 5 s) and waits until all have exited. */
  stop(signal?: NodeJS.Signals): Promise<void> {
    this.#stopping ??= (async () => {
      this.#write('[start] Stopping…');
      const running = [...this.#children.values()];
      // Ctrl-C reaches the whole process group, so the children are already shutting down; a
      // second signal would make Strapi run its shutdown twice and crash. Give them a moment first.
      if (signal === 'SIGINT') await Promise.race([Promise.all(running), sleep(GRACE_MS)]);
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(running);
      this.#write('[start] Stopped.');
    })();
    return this.#stopping;
  }
}
