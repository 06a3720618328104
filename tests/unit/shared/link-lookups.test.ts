import { describe, expect, it } from 'vitest';
import { linkLookups, mergeCourseData, type CheckedPage, type CourseData } from '@lm/shared';

const link = (url: string) => ({
  __component: 'content.rich-text',
  content: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'x' }] }] }],
});
const items = (...urls: string[]) => ({
  __component: 'content.resource-box',
  title: 'Read',
  kind: 'tip',
  items: urls.map((url) => ({ text: 'x', url })),
});
const page = (documentId: string, body: unknown[] = [], over: Partial<CheckedPage> = {}): CheckedPage => ({
  documentId,
  number: '2.0',
  title: 'Overview',
  slug: 'two-zero',
  sectionId: 's2',
  publishedSectionId: 's2',
  published: true,
  legacyPaths: [],
  body,
  ...over,
});

describe('linkLookups', () => {
  it.each([
    ['no links', [], { moduleSlugs: [], pageSlugs: [], legacyKeys: [] }],
    [
      'links that are not ours to check',
      [link('https://example.org/modules/a/b/'), link('/search/')],
      { moduleSlugs: [], pageSlugs: [], legacyKeys: [] },
    ],
    [
      'a page link, in rich text',
      [link('/modules/other/far-page/?q=1#top')],
      { moduleSlugs: ['other'], pageSlugs: ['far-page'], legacyKeys: ['/modules/other/far-page'] },
    ],
    [
      "a module's own page names no page, an old address is looked up decoded",
      [link('/modules/other/print/'), items('/modules/old/caf%C3%A9.html')],
      {
        moduleSlugs: ['other', 'old'],
        pageSlugs: ['caf%C3%A9.html'],
        legacyKeys: ['/modules/other/print', '/modules/old/café.html'],
      },
    ],
  ])('%s', (_name, body, expected) => {
    expect(linkLookups([page('p1', body)])).toEqual(expected);
  });

  it('names each module and page once, over several pages', () => {
    const lookups = linkLookups([
      page('p1', [link('/modules/a/x/')]),
      page('p2', [link('/modules/a/x'), link('/modules/a/')]),
    ]);
    expect(lookups).toEqual({ moduleSlugs: ['a'], pageSlugs: ['x'], legacyKeys: ['/modules/a/x', '/modules/a'] });
  });

  it('leaves out links to a page that a module read whole already holds, not one it lacks', () => {
    const known: CourseData = {
      modules: [{ documentId: 'm1', title: 'A', slug: 'a', published: true }],
      sections: [
        {
          documentId: 's2',
          number: 2,
          title: 'S',
          moduleId: 'm1',
          publishedModuleId: 'm1',
          published: true,
          outcomeCount: 1,
        },
      ],
      pages: [page('p1', [], { slug: 'x' })],
    };
    const lookups = linkLookups(
      [page('p2', [link('/modules/a/x/'), link('/modules/a/y/'), link('/modules/b/x/')])],
      known,
    );
    expect(lookups).toEqual({
      moduleSlugs: ['a', 'b'],
      pageSlugs: ['y', 'x'],
      legacyKeys: ['/modules/a/y', '/modules/b/x'],
    });
  });
});

describe('mergeCourseData', () => {
  const part = (pages: CheckedPage[]): CourseData => ({ modules: [], sections: [], pages });

  it('keeps each document once, its first record, in order', () => {
    const withBody = page('p1', [link('/modules/a/x/')]);
    const merged = mergeCourseData([part([withBody, page('p2')]), part([page('p1'), page('p3')])]);
    expect(merged.pages.map((entry) => entry.documentId)).toEqual(['p1', 'p2', 'p3']);
    expect(merged.pages[0]).toBe(withBody);
  });
});
