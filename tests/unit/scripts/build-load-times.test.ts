import { describe, expect, it } from 'vitest';
import { fetchAndValidation, loadTimes } from '../../../scripts/bench/build-load-times.js';

const lines = [
  '13:20:01 [strapi-pages] 1000 pages (1000 fetched, 0 removed, cold; fetch 9120 ms, validation 610 ms) in 9800 ms (24 GraphQL requests so far)',
  '13:20:01 [strapi-modules] 10 modules (10 fetched, 0 removed, cold; fetch 80 ms, validation 3 ms) in 90 ms (2 GraphQL requests so far)',
  '13:20:02 [snapshot-sections] 100 sections (from snapshot; fetch 40 ms, validation 21 ms) in 70 ms',
  '13:20:02 [content] Synced content',
];

describe('loadTimes', () => {
  it("reads each collection's fetch and validation from the loaders' lines", () => {
    expect(loadTimes(lines)).toEqual([
      { collection: 'pages', entries: 1000, fetchMs: 9120, validateMs: 610 },
      { collection: 'modules', entries: 10, fetchMs: 80, validateMs: 3 },
      { collection: 'sections', entries: 100, fetchMs: 40, validateMs: 21 },
    ]);
  });

  it('takes the longest fetch (collections load at once) and sums validation', () => {
    expect(fetchAndValidation(loadTimes(lines))).toEqual({ fetchMs: 9120, validateMs: 634 });
    expect(fetchAndValidation([])).toEqual({ fetchMs: 0, validateMs: 0 });
  });
});
