import { describe, expect, it } from 'vitest';
import { entryKey, parentInKey } from '../../../site/src/loaders/entry-key.js';
import { fetchEveryEntry, remainingPages } from '../../../site/src/loaders/fetch-every-entry.js';
import type { StrapiCollectionSource } from '../../../site/src/loaders/strapi-collection-source.js';

interface Node {
  documentId: string;
  title: string;
  section: string | null;
}

const dates = { updatedAt: '2026-01-02T00:00:00.000Z', publishedAt: '2026-01-03T00:00:00.000Z' };

/** A source over `pages` (each a list of nodes), recording which pages were asked for. */
function sourceOf(pages: Node[][], asked: number[] = []): StrapiCollectionSource<Node> {
  const unused = () => Promise.reject(new Error('not used by a cold fetch'));
  return {
    name: 'pages',
    query: 'test',
    listStamps: unused,
    fetchByIds: unused,
    fetchPage: (page) => {
      asked.push(page);
      return Promise.resolve({
        nodes: (pages[page - 1] ?? []).map((node) => ({ ...node, ...dates })),
        pageInfo: { pageCount: pages.length },
      });
    },
    clean: (node) =>
      node.title.includes('javascript:')
        ? { node: { ...node, title: 'cleaned' }, warnings: [`Left out a link of ${node.documentId}`] }
        : { node, warnings: [] },
    parent: { listStamps: unused, of: (node) => node.section },
  };
}

describe('remainingPages', () => {
  it.each<[number, number[]]>([
    [0, []],
    [1, []],
    [2, [2]],
    [4, [2, 3, 4]],
  ])('after the first of %i pages: %j', (pageCount, expected) => {
    expect(remainingPages(pageCount)).toEqual(expected);
  });
});

describe('entryKey', () => {
  it('holds the dates and the parent, which parentInKey reads back', () => {
    const key = entryKey({ documentId: 'a', ...dates }, 's1');
    expect(JSON.parse(key)).toEqual([dates.updatedAt, dates.publishedAt, 's1']);
    expect(parentInKey(key)).toBe('s1');
    expect(parentInKey(entryKey({ documentId: 'a' }, null))).toBeNull();
  });

  it.each([undefined, 'not json', '[1,2]'])('reads no parent from %j', (key) => {
    expect(parentInKey(key)).toBeUndefined();
  });
});

describe('fetchEveryEntry', () => {
  it('reads every page once, cleans each entry and keys it with its dates and parent', async () => {
    const asked: number[] = [];
    const entries = await fetchEveryEntry(
      sourceOf(
        [
          [{ documentId: 'a', title: 'A', section: 's1' }],
          [{ documentId: 'b', title: 'javascript:alert(1)', section: null }],
          [{ documentId: 'c', title: 'C', section: 's2' }],
        ],
        asked,
      ),
    );
    expect([...asked].sort()).toEqual([1, 2, 3]);
    expect(entries.map((entry) => [entry.id, entry.node.title, parentInKey(entry.key), entry.warnings])).toEqual([
      ['a', 'A', 's1', []],
      ['b', 'cleaned', null, ['Left out a link of b']],
      ['c', 'C', 's2', []],
    ]);
    expect(entries[0]?.key).toBe(entryKey({ documentId: 'a', ...dates }, 's1'));
  });

  it('keeps a document once when a publish shifted it onto the next page', async () => {
    const shifted = { documentId: 'b', title: 'B', section: null };
    const entries = await fetchEveryEntry(
      sourceOf([[{ documentId: 'a', title: 'A', section: null }, shifted], [shifted]]),
    );
    expect(entries.map((entry) => entry.id)).toEqual(['a', 'b']);
  });
});
