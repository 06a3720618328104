import { ImportError } from './import-error.js';
import { silentProgress, type ImportProgress } from './import-progress.js';
import { runAfterParents } from './run-after-parents.js';
import { payloadBytes, payloadSizeProblem } from './size-limits.js';
import type { Collection } from '../lib/strapi-rest-client.js';
import type { WriteStep } from './write-steps.js';

/** The four writes the importer makes, so tests can drive {@link applyPlan} without a Strapi. */
export interface DocumentWriter {
  /** Creates a document as a draft and returns its documentId. */
  createDraft(collection: Collection, data: Record<string, unknown>): Promise<string>;
  /** Overwrites a document's draft; its published version, if any, stays as it is. */
  updateDraft(collection: Collection, documentId: string, data: Record<string, unknown>): Promise<void>;
  /** Publishes the document's draft as it stands. */
  publish(collection: Collection, documentId: string): Promise<void>;
  /** Deletes the document: draft and published version. */
  remove(collection: Collection, documentId: string): Promise<void>;
}

export interface ApplyOptions {
  writer: DocumentWriter;
  /** Publish what every file fully written needs; otherwise everything stays a draft. */
  publish: boolean;
  /** Largest JSON body one write may send, in bytes. */
  payloadLimit: number;
  /** Failures and clean-up, one line each; successes are only counted, in `progress`. */
  log: (line: string) => void;
  /** Counts of the writing and publishing phases. */
  progress?: ImportProgress;
  /** Writes in flight at once (parents still before children); {@link WRITE_CONCURRENCY} unless set. */
  concurrency?: number;
}

/**
 * Writes in flight at once by default. Strapi does each write on one thread and SQLite runs one
 * write transaction at a time, and the CMS's course checks read the whole course on every write,
 * so more in flight only queue inside Strapi: `npm run bench:import` measured no gain from 4 over
 * 1 (100 pages: writing 10.6 s against 11.4 s, publishing slower), and at 4 on a loaded machine
 * some of 1,000 page writes failed with "Cannot reach Strapi" and their linked pages with them.
 * One at a time is what SQLite takes without errors; `concurrency` (and BENCH_IMPORT_CONCURRENCY)
 * sends more, e.g. to a CMS on PostgreSQL.
 */
export const WRITE_CONCURRENCY = 1;

export interface ApplyResult {
  created: string[];
  updated: string[];
  /** Already up to date in Strapi. */
  skipped: string[];
  /** One error per file that did not fully succeed. */
  failed: ImportError[];
}

const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/^\[import\] /, '').replace(/\.?$/, '.');

/** The state of one run of a plan: what each step wrote, and which files failed and why. */
class PlanRun {
  readonly problems = new Map<string, { problem: string; cause?: unknown }>();
  readonly notes = new Map<string, string[]>();
  readonly ids = new Map<string, string>();
  readonly created = new Map<WriteStep, string>();
  readonly written = new Set<WriteStep>();
  readonly published = new Set<WriteStep>();

  constructor(
    readonly steps: ReadonlyArray<WriteStep>,
    readonly options: ApplyOptions,
  ) {}

  /** The step's files that have not failed. */
  alive(step: WriteStep): string[] {
    return step.files.filter((file) => !this.problems.has(file));
  }

  fail(files: string[], problem: string, cause?: unknown): void {
    for (const file of files) if (!this.problems.has(file)) this.problems.set(file, { problem, cause });
  }

  note(files: string[], text: string): void {
    for (const file of files) this.notes.set(file, [...(this.notes.get(file) ?? []), text]);
  }

  /** Every step as a draft, parents before children, independent steps a few at once. */
  async writeDrafts(): Promise<void> {
    const { steps, options } = this;
    const progress = options.progress ?? silentProgress();
    progress.start('writing', steps.length);
    await runAfterParents(steps, options.concurrency ?? WRITE_CONCURRENCY, async (step) => {
      const files = this.alive(step);
      const parentId = step.parentKey === null ? null : this.ids.get(step.parentKey);
      // Its files failed already (with their parent, or one another's), so nobody needs it.
      if (files.length > 0 && parentId !== undefined) {
        if (step.action === 'unchanged' && step.documentId !== null) this.ids.set(step.key, step.documentId);
        else await this.writeDraft(step, parentId, files, `[import] ${step.label}`);
      }
      progress.advance('writing');
    });
  }

  async writeDraft(step: WriteStep, parentId: string | null, files: string[], prefix: string): Promise<void> {
    const { writer, payloadLimit, log } = this.options;
    const data = step.data(parentId);
    const tooLarge = payloadSizeProblem(step.collection, step.label, payloadBytes(data), payloadLimit);
    if (tooLarge !== null) {
      this.fail(files, `${tooLarge}.`);
      log(`${prefix}: failed: ${tooLarge}`);
      return;
    }
    try {
      if (step.documentId === null) {
        const documentId = await writer.createDraft(step.collection, data);
        this.created.set(step, documentId);
        this.ids.set(step.key, documentId);
      } else {
        await writer.updateDraft(step.collection, step.documentId, data);
        this.ids.set(step.key, step.documentId);
      }
      this.written.add(step);
    } catch (error) {
      this.fail(files, `${step.label} was not written: ${reasonOf(error)}`, error);
      log(`${prefix}: failed: ${reasonOf(error)}`);
    }
  }

  /**
   * Publishes what was written for files still alive. Unchanged documents need no publishing: with
   * --publish they were compared with their published version. Parents go first, so no published
   * page points at a draft-only section.
   */
  async publishWritten(): Promise<void> {
    const { writer, log } = this.options;
    const progress = this.options.progress ?? silentProgress();
    const toPublish = this.steps.filter((step) => this.written.has(step));
    progress.start('publishing', toPublish.length);
    await runAfterParents(toPublish, this.options.concurrency ?? WRITE_CONCURRENCY, async (step) => {
      const documentId = this.ids.get(step.key);
      const files = this.alive(step);
      // A parent that failed to publish fails its files, so their children are skipped here.
      if (documentId !== undefined && files.length > 0) {
        try {
          await writer.publish(step.collection, documentId);
          this.published.add(step);
        } catch (error) {
          this.fail(files, `${step.label} was saved as a draft but not published: ${reasonOf(error)}`, error);
          log(`[import] ${step.label}: publishing failed: ${reasonOf(error)}`);
        }
      }
      progress.advance('publishing');
    });
  }

  /** Deletes, children first, what this run created only for files that failed. */
  async removeOrphans(): Promise<void> {
    const { writer, log } = this.options;
    for (const step of [...this.steps].reverse()) {
      if (this.alive(step).length > 0) continue;
      const documentId = this.created.get(step);
      if (documentId === undefined) {
        if (this.published.has(step)) {
          this.note(
            step.files,
            `(Except: ${step.label} had been published before the failure and keeps this run's changes.)`,
          );
        }
        continue;
      }
      try {
        await writer.remove(step.collection, documentId);
        log(`[import] ${step.label}: removed, since every file that needs it failed`);
      } catch (error) {
        this.note(
          step.files,
          `${step.label} (documentId ${documentId}), created by this run, could not be removed (${reasonOf(error)}) Delete it in the Strapi admin.`,
        );
        log(`[import] ${step.label}: could not be removed: ${reasonOf(error)}`);
      }
    }
  }

  result(): ApplyResult {
    const { steps } = this;
    const { publish } = this.options;
    const outcome = publish
      ? 'Nothing of it was published, and what this run created for it was removed'
      : 'What this run created for it was removed';
    return {
      // Created for failed files only: removed, or noted as lingering in their messages.
      created: steps.filter((step) => this.created.has(step) && this.alive(step).length > 0).map((step) => step.label),
      updated: steps
        .filter((step) => this.written.has(step) && step.documentId !== null)
        .map((step) =>
          publish && !this.published.has(step) ? `${step.label} (draft only, not published)` : step.label,
        ),
      skipped: steps.filter((step) => step.action === 'unchanged' && this.ids.has(step.key)).map((step) => step.label),
      failed: [...this.problems].map(
        ([file, { problem, cause }]) =>
          new ImportError(
            file,
            [problem, `${outcome}; fix the problem and import the file again.`, ...(this.notes.get(file) ?? [])].join(
              ' ',
            ),
            { cause },
          ),
      ),
    };
  }
}

/**
 * Writes the plan so that a file either fully succeeds or leaves nothing behind: every write goes
 * to drafts first, parents before children; publishing comes last, and only for what at least one
 * fully written file needs; then documents this run created only for failed files are deleted,
 * children first. A failed update leaves the published version as it was, since only the draft
 * was written. Files are independent: a failure fails the files of the entity that failed (all
 * files of a module or section), and the others are still imported.
 */
export async function applyPlan(steps: ReadonlyArray<WriteStep>, options: ApplyOptions): Promise<ApplyResult> {
  const run = new PlanRun(steps, options);
  await run.writeDrafts();
  if (options.publish) await run.publishWritten();
  await run.removeOrphans();
  return run.result();
}
