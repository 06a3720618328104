import { describe, expect, it } from 'vitest';
import { runAfterParents, type ParentFirst } from '../../../scripts/import/run-after-parents.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

/** A module, its sections and their pages, parents first. */
function tree(sections: number, pagesPerSection: number): ParentFirst[] {
  const items: ParentFirst[] = [{ key: 'm', parentKey: null }];
  for (let s = 0; s < sections; s += 1) items.push({ key: `s${s}`, parentKey: 'm' });
  for (let s = 0; s < sections; s += 1)
    for (let p = 0; p < pagesPerSection; p += 1) items.push({ key: `s${s}p${p}`, parentKey: `s${s}` });
  return items;
}

describe('runAfterParents', () => {
  it.each([
    { concurrency: 1, sections: 2, pages: 3 },
    { concurrency: 4, sections: 3, pages: 5 },
    { concurrency: 8, sections: 1, pages: 20 },
  ])('with $concurrency at once: every child starts after its parent finished, never more in flight', async ({
    concurrency,
    sections,
    pages,
  }) => {
    const items = tree(sections, pages);
    const finished = new Set<string>();
    let inFlight = 0;
    let most = 0;
    const startedBeforeParent: string[] = [];
    await runAfterParents(items, concurrency, async (item) => {
      if (item.parentKey !== null && !finished.has(item.parentKey)) startedBeforeParent.push(item.key);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      inFlight -= 1;
      finished.add(item.key);
    });
    expect(startedBeforeParent).toEqual([]);
    expect(finished.size).toBe(items.length);
    expect(most).toBeLessThanOrEqual(concurrency);
    // Independent pages do run together when allowed to.
    if (concurrency > 1) expect(most).toBeGreaterThan(1);
  });

  it('runs an item whose parent is not in the list straight away', async () => {
    const done: string[] = [];
    await runAfterParents([{ key: 'page', parentKey: 'section written earlier' }], 2, async (item) => {
      await tick();
      done.push(item.key);
    });
    expect(done).toEqual(['page']);
  });
});
