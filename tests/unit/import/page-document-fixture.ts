import type { PageDocument } from '../../../scripts/import/page-document.js';

/** A page of module "partnerships", section 2, as parseJekyllPage returns it; `text` is its one paragraph. */
export function pageDocument(file: string, slug: string, text = 'Hello', outcomes: string[] = []): PageDocument {
  return {
    file,
    module: { slug: 'partnerships', title: 'Community Partnerships' },
    section: { number: 2, title: 'What is a Community Partnership?', slug: 'what-is-a-partnership', outcomes },
    page: {
      number: '2.0',
      title: 'Overview',
      slug,
      legacyPaths: [],
      body: [
        { __component: 'content.rich-text', content: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
      ],
    },
    warnings: [],
  };
}
