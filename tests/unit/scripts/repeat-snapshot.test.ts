import { describe, expect, it } from 'vitest';
import { contentSnapshotSchema, type ContentSnapshot } from '@lm/shared';
import { repeatSnapshot } from '../../../scripts/bench/repeat-snapshot.js';

const snapshot: ContentSnapshot = {
  format: 1,
  source: 'http://127.0.0.1:1337',
  takenAt: '2026-11-30T00:00:00.000Z',
  collections: {
    modules: [
      { id: 'm1', key: 'km1', data: { documentId: 'm1', slug: 'partners', title: 'Partners', order: 1 }, warnings: [] },
    ],
    sections: [
      {
        id: 's1',
        key: 'ks1',
        data: { documentId: 's1', number: 1, module: { documentId: 'm1', slug: 'partners' } },
        warnings: [],
      },
    ],
    pages: [
      {
        id: 'p1',
        key: 'kp1',
        data: {
          documentId: 'p1',
          slug: 'one',
          section: { documentId: 's1' },
          legacyPaths: [{ path: '/old/one.html' }],
        },
        warnings: ['a warning'],
      },
      {
        id: 'p2',
        key: 'kp2',
        data: { documentId: 'p2', slug: 'two', section: { documentId: 's1' }, legacyPaths: null },
        warnings: [],
      },
    ],
  },
};

describe('repeatSnapshot', () => {
  it('repeats every module with its sections and pages, each copy under its own ids, slugs and old addresses', () => {
    const repeated = contentSnapshotSchema.parse(repeatSnapshot(snapshot, 3));
    const { modules = [], sections = [], pages = [] } = repeated.collections;
    expect([modules.length, sections.length, pages.length]).toEqual([3, 3, 6]);
    expect(modules[0]).toEqual(snapshot.collections.modules?.[0]);
    expect(new Set(modules.map((entry) => entry.data.slug))).toEqual(new Set(['partners', 'partners-2', 'partners-3']));
    for (const collection of [modules, sections, pages]) {
      expect(new Set(collection.map((entry) => entry.id)).size).toBe(collection.length);
      for (const entry of collection) expect(entry.data.documentId).toBe(entry.id);
    }
    expect(sections.map((entry) => entry.data.module)).toEqual([
      { documentId: 'm1', slug: 'partners' },
      { documentId: 'm1c2', slug: 'partners-2' },
      { documentId: 'm1c3', slug: 'partners-3' },
    ]);
    expect(pages.map((entry) => entry.data.section)).toEqual(
      ['s1', 's1', 's1c2', 's1c2', 's1c3', 's1c3'].map((documentId) => ({ documentId })),
    );
    expect(pages.flatMap((entry) => entry.data.legacyPaths ?? [])).toEqual([
      { path: '/old/one.html' },
      { path: '/copy-2/old/one.html' },
      { path: '/copy-3/old/one.html' },
    ]);
    expect(pages.map((entry) => entry.warnings)).toEqual([['a warning'], [], ['a warning'], [], ['a warning'], []]);
  });

  it('says which collection is missing', () => {
    expect(() => repeatSnapshot({ ...snapshot, collections: { modules: [] } }, 2)).toThrow('holds no sections');
  });
});
