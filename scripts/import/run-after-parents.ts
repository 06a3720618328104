import pLimit from 'p-limit';

/** Something that may only be worked on once its parent (if any) is done. */
export interface ParentFirst {
  key: string;
  /** The key of the item that must be done first; null, or a key not in the list, for none. */
  parentKey: string | null;
}

/**
 * Runs `task` for every item, at most `concurrency` at once, each only after its parent's task
 * has finished: a module's sections are written once the module exists, and the pages of a
 * section once the section exists, while independent pages are in flight together. Items must
 * be listed parents first (as {@link writeSteps} lists them). `task` must handle its own errors:
 * a task that rejects rejects the run and its children are not run.
 */
export async function runAfterParents<Item extends ParentFirst>(
  items: ReadonlyArray<Item>,
  concurrency: number,
  task: (item: Item) => Promise<void>,
): Promise<void> {
  const limit = pLimit(Math.max(1, concurrency));
  const finished = new Map<string, Promise<void>>();
  for (const item of items) {
    const parent = item.parentKey === null ? undefined : finished.get(item.parentKey);
    const run = (): Promise<void> => limit(() => task(item));
    finished.set(item.key, parent === undefined ? run() : parent.then(run));
  }
  await Promise.all(finished.values());
}
