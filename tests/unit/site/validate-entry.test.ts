import { describe, expect, it } from 'vitest';
import { pageEntrySchema } from '@lm/shared';
import { validateEntry } from '../../../site/src/loaders/validate-entry.js';

const text = 'Partnerships let libraries reach people they would not reach alone.';
const page = {
  documentId: 'p1',
  number: '1.1',
  title: 'Who is missing?',
  slug: 'who-is-missing',
  updatedAt: '2026-11-30T00:00:00.000Z',
  seo: null,
  section: { documentId: 's1' },
  legacyPaths: [{ path: '/old/who.html' }, null],
  body: [
    {
      __typename: 'ComponentContentRichText',
      id: '1',
      content: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
    },
    null,
    {
      __typename: 'ComponentContentResourceBox',
      id: '2',
      title: 'Questions',
      intro: null,
      richContent: null,
      kind: 'questions',
      items: [{ id: '3', text: 'Who uses the library least?', url: null }, null],
    },
  ],
};

describe('validateEntry', () => {
  it('returns what the schema’s asynchronous parse (Astro’s parseData) would have stored', async () => {
    const expected = await pageEntrySchema.safeParseAsync(page);
    expect(expected.success).toBe(true);
    const entry = validateEntry(pageEntrySchema, 'pages', 'p1', page);
    expect(entry).toEqual(expected.data);
    // The schema's transforms ran: the null block, item and old address are gone.
    expect(entry).toMatchObject({
      legacyPaths: [{ path: '/old/who.html' }],
      body: [{ id: '1' }, { id: '2', items: [{ id: '3' }] }],
    });
  });

  it('fails with the collection, the document and every problem named', () => {
    const broken = { ...page, slug: 'Not A Slug', body: [{ ...page.body[2], kind: 'poster' }] };
    expect(() => validateEntry(pageEntrySchema, 'pages', 'p1', broken)).toThrow(
      /pages → p1 does not match the collection's schema; fix it in Strapi and publish again:\n {2}- slug: a slug is lower-case words joined by hyphens\n {2}- body\.0\.kind: /,
    );
  });
});
