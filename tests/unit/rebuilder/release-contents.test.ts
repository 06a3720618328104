import { describe, expect, it } from 'vitest';
import { listedPageIds, releaseContents, type ListedSection } from '../../../scripts/rebuilder/release-contents.js';

const sections: ListedSection[] = [
  { documentId: 's1', module: { slug: 'a' }, pages: [{ documentId: 'p1', slug: 'one', title: 'One' }, null] },
  { documentId: 's2', module: null, pages: [{ documentId: 'p2', slug: 'two', title: 'Two' }] },
];

describe('releaseContents', () => {
  it('expects every page of a published section of a published module, at its URL', () => {
    const contents = releaseContents(['a'], sections, []);
    expect(contents.moduleSlugs).toEqual(['a']);
    expect(contents.pages).toEqual([{ url: '/modules/a/one/', title: 'One' }]);
  });

  it.each([
    ['its section belongs to no published module', []],
    ['it has no published section', [{ documentId: 'p3', slug: 'three', title: 'Three', section: null }]],
  ] as const)('names a published page on no page of the site: %s', (why, strays) => {
    const contents = releaseContents(['a'], sections, strays);
    expect(contents.unreachable.join('\n')).toContain(why);
  });

  it('expects a page the sections did not list when its parents are published', () => {
    const stray = {
      documentId: 'p4',
      slug: 'four',
      title: 'Four',
      section: { documentId: 's1', module: { slug: 'a' } },
    };
    expect(releaseContents(['a'], sections, [stray]).pages).toContainEqual({ url: '/modules/a/four/', title: 'Four' });
  });

  it('lists the ids of the pages the sections list', () => {
    expect([...listedPageIds(sections)].sort()).toEqual(['p1', 'p2']);
  });
});
