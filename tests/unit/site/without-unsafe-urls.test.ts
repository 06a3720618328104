import { describe, expect, it } from 'vitest';
import type { PagesByIdQuery } from '@lm/shared/graphql';
import { withoutUnsafeUrls } from '../../../site/src/lib/without-unsafe-urls.js';

type PageNode = NonNullable<PagesByIdQuery['pages'][number]>;

const link = (url: string) => ({
  type: 'paragraph',
  children: [{ type: 'link', url, children: [{ type: 'text', text: 'here' }] }],
});

const page = (body: PageNode['body']): PageNode => ({
  documentId: 'p1',
  number: '1.1',
  title: 'Partners',
  slug: 'partners',
  updatedAt: null,
  seo: null,
  section: { documentId: 's1' },
  legacyPaths: null,
  body,
});

describe('withoutUnsafeUrls', () => {
  it('leaves out the rich-text node, box item and box content block that hold an unsafe URL, and says so', () => {
    const { page: cleaned, warnings } = withoutUnsafeUrls(
      page([
        {
          __typename: 'ComponentContentRichText',
          id: '1',
          content: [link('https://example.org/'), link('javascript:alert(1)')],
        },
        {
          __typename: 'ComponentContentResourceBox',
          id: '2',
          title: 'Try this',
          intro: null,
          kind: 'activity',
          richContent: [link('javascript:alert(2)'), link('/modules/outreach/')],
          items: [
            { id: '3', text: 'Safe', url: 'https://example.org/' },
            { id: '4', text: 'Unsafe', url: 'javascript:alert(3)' },
          ],
        },
      ]),
    );
    expect(cleaned.body).toEqual([
      { __typename: 'ComponentContentRichText', id: '1', content: [link('https://example.org/')] },
      expect.objectContaining({
        richContent: [link('/modules/outreach/')],
        items: [{ id: '3', text: 'Safe', url: 'https://example.org/' }],
      }),
    ]);
    expect(warnings).toHaveLength(3);
    expect(warnings[2]).toContain('block 1 of the resource box "Try this"');
  });

  it('keeps a box without rich content as it is', () => {
    const box = {
      __typename: 'ComponentContentResourceBox' as const,
      id: '2',
      title: 'Questions',
      intro: null,
      kind: 'questions' as const,
      richContent: null,
      items: [],
    };
    expect(withoutUnsafeUrls(page([box])).page.body).toEqual([box]);
  });
});
