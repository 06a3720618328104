import { describe, expect, it } from 'vitest';
import { createProgressStore, type ProgressStorage } from '../../../site/src/lib/progress/progress-store.js';
import { EMPTY_PROGRESS, PROGRESS_STORAGE_KEY } from '../../../site/src/lib/progress/progress-state.js';

/** An in-memory Web Storage, as localStorage behaves, optionally refusing writes like a full one. */
function memoryStorage(initial: string | null, refuseWrites = false): ProgressStorage & { value: string | null } {
  const storage = {
    value: initial,
    getItem: (key: string) => (key === PROGRESS_STORAGE_KEY ? storage.value : null),
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      if (key === PROGRESS_STORAGE_KEY) storage.value = value;
    },
  };
  return storage;
}

function recorder(): { warnings: string[]; warn: (message: string) => void } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

describe('the progress store', () => {
  it.each([
    ['nothing stored', null, 0],
    ['text that is not JSON', '{"version":1,', 1],
    ['another version', '{"version":0,"pages":["a"],"checks":[]}', 1],
    ['a damaged list', '{"version":1,"pages":[null],"checks":[]}', 1],
  ])('starts from no progress, without failing, given %s', (_name, stored, warningCount) => {
    const { warnings, warn } = recorder();
    const store = createProgressStore(memoryStorage(stored), warn);
    expect(store.getSnapshot()).toEqual(EMPTY_PROGRESS);
    expect(warnings).toHaveLength(warningCount);
    expect(warnings.every((message) => message.startsWith('[progress]'))).toBe(true);
  });

  it('saves each change under its one key and tells every subscriber', () => {
    const storage = memoryStorage(null);
    const store = createProgressStore(storage, recorder().warn);
    const seen: string[][] = [];
    const stop = store.subscribe(() => seen.push([...store.getSnapshot().pages]));
    store.dispatch({ type: 'page', pageId: 'a', done: true });
    store.dispatch({ type: 'page', pageId: 'a', done: true });
    stop();
    store.dispatch({ type: 'page', pageId: 'b', done: true });
    expect(seen).toEqual([['a']]);
    expect(JSON.parse(storage.value ?? 'null')).toEqual({ version: 1, pages: ['a', 'b'], checks: [] });
  });

  it('keeps the same snapshot until something changes', () => {
    const store = createProgressStore(memoryStorage('{"version":1,"pages":["a"],"checks":[]}'), recorder().warn);
    const first = store.getSnapshot();
    store.dispatch({ type: 'page', pageId: 'a', done: true });
    expect(store.getSnapshot()).toBe(first);
  });

  it('reads what another tab saved when told to reload', () => {
    const storage = memoryStorage(null);
    const store = createProgressStore(storage, recorder().warn);
    let calls = 0;
    store.subscribe(() => (calls += 1));
    storage.value = '{"version":1,"pages":[],"checks":["a:1"]}';
    store.reload();
    expect(store.getSnapshot().checks).toEqual(['a:1']);
    expect(calls).toBe(1);
  });

  it('keeps changes in memory, with a warning, when storage refuses them', () => {
    const { warnings, warn } = recorder();
    const store = createProgressStore(memoryStorage(null, true), warn);
    store.dispatch({ type: 'check', key: 'a:1', checked: true });
    expect(store.getSnapshot().checks).toEqual(['a:1']);
    expect(warnings).toEqual(['[progress] Could not save progress; it lasts until this page is closed.']);
  });

  it('works without any storage', () => {
    const store = createProgressStore(null, recorder().warn);
    store.dispatch({ type: 'page', pageId: 'a', done: true });
    expect(store.getSnapshot().pages).toEqual(['a']);
  });
});
