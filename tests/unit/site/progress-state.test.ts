import { describe, expect, it } from 'vitest';
import { applyProgress, type ProgressAction } from '../../../site/src/lib/progress/progress-reducer.js';
import {
  EMPTY_PROGRESS,
  MAX_ENTRIES,
  parseProgressState,
  type ProgressState,
} from '../../../site/src/lib/progress/progress-state.js';

const state = (pages: string[], checks: string[] = []): ProgressState => ({ version: 1, pages, checks });

describe('reading stored progress', () => {
  it.each([
    ['an object of the current version', { version: 1, pages: ['b', 'a', 'a'], checks: ['a:1z'] }, state(['a', 'b'], ['a:1z'])],
    ['no pages and no checks', { version: 1, pages: [], checks: [] }, EMPTY_PROGRESS],
  ])('accepts %s, sorted and without duplicates', (_name, value, expected) => {
    expect(parseProgressState(value)).toEqual({ ok: true, state: expected });
  });

  it.each([
    ['null', null, 'it is not an object'],
    ['a list', [], 'it is not an object'],
    ['another version', { version: 2, pages: [], checks: [] }, 'its version is not 1'],
    ['no version', { pages: [], checks: [] }, 'its version is not 1'],
    ['pages that are not a list', { version: 1, pages: 'a', checks: [] }, '"pages" is not a list'],
    ['a page id that is a number', { version: 1, pages: [7], checks: [] }, '"pages" holds an entry that is not an id'],
    ['a page id with markup', { version: 1, pages: ['<img>'], checks: [] }, '"pages" holds an entry that is not an id'],
    ['a check without its page', { version: 1, pages: [], checks: ['1z'] }, '"checks" holds an entry that is not an id'],
    ['no checks', { version: 1, pages: [] }, '"checks" is not a list'],
    [
      'too many pages',
      { version: 1, pages: Array.from({ length: MAX_ENTRIES + 1 }, (_, index) => `p${index}`), checks: [] },
      `"pages" has more than ${MAX_ENTRIES} entries`,
    ],
  ])('refuses %s', (_name, value, reason) => {
    expect(parseProgressState(value)).toEqual({ ok: false, reason });
  });
});

describe('changing progress', () => {
  const cases: Array<[string, ProgressState, ProgressAction, ProgressState]> = [
    ['marks a page complete', state(['b']), { type: 'page', pageId: 'a', done: true }, state(['a', 'b'])],
    ['unmarks a page', state(['a', 'b']), { type: 'page', pageId: 'a', done: false }, state(['b'])],
    ['ticks an item', state([]), { type: 'check', key: 'a:1', checked: true }, state([], ['a:1'])],
    ['unticks an item', state([], ['a:1', 'a:2']), { type: 'check', key: 'a:1', checked: false }, state([], ['a:2'])],
    [
      'merges an import without undoing anything',
      state(['a'], ['a:1']),
      { type: 'merge', from: state(['b'], ['b:2']) },
      state(['a', 'b'], ['a:1', 'b:2']),
    ],
  ];
  it.each(cases)('%s', (_name, before, action, after) => {
    expect(applyProgress(before, action)).toEqual(after);
  });

  const unchanged: Array<[string, ProgressState, ProgressAction]> = [
    ['marking a page already done', state(['a']), { type: 'page', pageId: 'a', done: true }],
    ['unticking an item not ticked', state([]), { type: 'check', key: 'a:1', checked: false }],
    ['merging what is already there', state(['a'], ['a:1']), { type: 'merge', from: state(['a'], []) }],
  ];
  it.each(unchanged)('returns the same object after %s, so islands do not re-render', (_name, before, action) => {
    expect(applyProgress(before, action)).toBe(before);
  });
});
