import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { workerNodeOptions } from './worker-node-options.js';
import type { BuildReport } from '@lm/shared';
import { siteDir } from './paths.js';
import { buildReplySchema, type BuildJob } from './build-job.js';
import { forEachLine } from './for-each-line.js';
import { OutputTail } from './output-tail.js';

const workerEntry = fileURLToPath(new URL('./build-worker.ts', import.meta.url));

/** A build's result: its report (what it rendered and copied, and more) and how long it took. */
export interface SiteBuildResult {
  report: BuildReport;
  /** The whole build, as its caller waited for it. */
  durationMs: number;
  /** The worker's heap in use after a full garbage collection, when `measureHeap` was asked for. */
  heapUsedAfterGcBytes?: number;
}

/** What the worker replied to one build. */
type WorkerResult = Omit<SiteBuildResult, 'durationMs'>;

/** Plain, uncoloured output, and no telemetry from build machines. */
const BUILD_ENV = { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/**
 * Builds in one worker before it is replaced. Every build imports a new server bundle, and Node
 * never unloads modules: at 1,000 pages the worker grew by about 13 MB a build (840 MB to 1.2 GB
 * over 25 builds) and its builds slowed from about 3 s to 4 s. Part of that was each build's
 * content, held by its bundle's modules, which the worker now lets go of (releaseBuildMemory in
 * build-worker.ts); the bundle's code stays (its modules' source, compiled code and source maps):
 * the heap after a GC still grows by about 2.4 MB a build at 20 pages and 3.0 MB at 200 (2.7 and
 * 5.3 MB before the content was let go). A new worker's first builds are slower too (4.4 to 5.7 s,
 * then 3 to 5 s while the JIT warms up), so it is not replaced often.
 */
const DEFAULT_BUILDS_PER_WORKER = 20;

type Worker = ResultPromise<{ ipc: true; all: true; reject: false }>;

interface Pending {
  id: number;
  output: OutputTail;
  resolve: (result: WorkerResult) => void;
  reject: (error: Error) => void;
}

/**
 * Runs site builds in a long-lived worker process (build-worker.ts) instead of a new `astro build`
 * per build: the rebuild service builds after every publish, and a warm worker builds in about half
 * the time. A build that is aborted, or a worker that dies, costs only that worker: the next build
 * starts a new one. Builds must not overlap (the rebuild service runs one at a time).
 */
export class WarmSiteBuilder {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;
  #pending: Pending | undefined;
  #builds = 0;
  #nextId = 1;

  constructor(
    private readonly env: Record<string, string | undefined>,
    private readonly onLine: (line: string) => void = () => undefined,
    private readonly options: {
      buildsPerWorker?: number;
      /** Starts the worker with --expose-gc and has it report its heap after each build (benches). */
      measureHeap?: boolean;
    } = {},
  ) {}

  /**
   * Builds the site into `outDir` and returns the build's report; rejects with the build's last
   * output when it fails. With `reuseFrom` (the live release), modules whose content is unchanged
   * are copied from it rather than rendered again.
   */
  async build({
    outDir,
    reuseFrom = null,
    signal,
  }: {
    outDir: string;
    reuseFrom?: string | null;
    signal?: AbortSignal;
  }): Promise<SiteBuildResult> {
    if (this.#pending) throw new Error('[build] A build is already running in the warm worker.');
    await this.#start();
    // Read after the await: a worker is a promise (of its exit), so it cannot be awaited for.
    const worker = this.#worker;
    if (!worker) throw new Error('[build] The build worker did not start.');
    const started = performance.now();
    const output = new OutputTail();
    const id = this.#nextId++;
    this.#builds += 1;
    const done = new Promise<WorkerResult>((resolve, reject) => {
      this.#pending = { id, output, resolve, reject };
    });
    const abort = (): void => {
      this.#fail(new Error('[build] The build was cancelled.'));
      this.stop();
    };
    signal?.addEventListener('abort', abort, { once: true });
    let result: WorkerResult;
    try {
      const job: BuildJob = { id, outDir, reuseFrom };
      await worker.sendMessage(job);
      result = await done;
    } finally {
      signal?.removeEventListener('abort', abort);
      this.#pending = undefined;
      if (this.#builds >= (this.options.buildsPerWorker ?? DEFAULT_BUILDS_PER_WORKER)) this.#replace();
    }
    return { ...result, durationMs: Math.round(performance.now() - started) };
  }

  /** The worker's process id, while one runs (for measuring its memory). */
  get pid(): number | undefined {
    return this.#worker?.pid;
  }

  /** Stops the worker (if any); a build in progress fails. */
  stop(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    this.#builds = 0;
    worker?.kill('SIGKILL');
  }

  /**
   * Replaces the worker now, between builds, rather than when the next build asks: starting one
   * (loading Astro and Vite) takes about a second that no publish then waits for.
   */
  #replace(): void {
    this.stop();
    // A worker that fails to start is started again by the next build, which reports the error.
    this.#start().catch(() => undefined);
  }

  #start(): Promise<void> {
    if (this.#worker && this.#ready) return this.#ready;
    const nodeOptions = workerNodeOptions(this.env, this.options.measureHeap === true);
    const worker: Worker = execa(process.execPath, [...nodeOptions, '--import', 'tsx', workerEntry], {
      cwd: siteDir,
      env: { ...this.env, ...BUILD_ENV },
      extendEnv: false,
      ipc: true,
      all: true,
      reject: false,
    });
    this.#worker = worker;
    forEachLine(worker.all, (line) => {
      this.#pending?.output.add(line);
      this.onLine(line);
    });
    this.#ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        const parsed = buildReplySchema.safeParse(message);
        if (!parsed.success) return;
        const reply = parsed.data;
        if ('ready' in reply) {
          resolve();
        } else if (reply.id === this.#pending?.id) {
          if (reply.ok)
            this.#pending.resolve({ report: reply.report, heapUsedAfterGcBytes: reply.heapUsedAfterGcBytes });
          else this.#fail(new Error(`[build] astro build failed: ${reply.error}\n${this.#pending.output.text()}`));
        }
      });
      void worker.then((result) => {
        const outOfMemory = result.all.includes('JavaScript heap out of memory')
          ? ' It ran out of memory: raise BUILD_MAX_HEAP_MB (or unset it for Node’s default) and publish again.'
          : '';
        const error = new Error(
          `[build] The build worker exited (${String(result.exitCode ?? result.signal)}).${outOfMemory}\n${result.all.slice(-2000)}`,
        );
        reject(error);
        // Stopped or replaced on purpose: a build pending now runs on another worker.
        if (this.#worker !== worker) return;
        this.stop();
        this.#fail(error);
      });
    });
    return this.#ready;
  }

  #fail(error: Error): void {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }
}
