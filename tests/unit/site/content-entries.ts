import type { BodyBlock, ModuleEntry, PageEntry, SectionEntry } from '@lm/shared';

/** A paragraph of Blocks rich text, as a body block. */
export const paragraphBlock = (id: string, ...texts: string[]): BodyBlock => ({
  __typename: 'ComponentContentRichText',
  id,
  content: texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
});

/** A published module as the site loads it, with overrides. */
export const moduleEntry = (overrides: Partial<ModuleEntry> = {}): ModuleEntry => ({
  documentId: 'module-1',
  title: 'Community Partnerships',
  slug: 'partnerships',
  summary: null,
  order: 1,
  icon: null,
  ...overrides,
});

/** A published section of that module, with overrides. */
export const sectionEntry = (overrides: Partial<SectionEntry> = {}): SectionEntry => ({
  documentId: 'section-2',
  number: 2,
  title: 'What is a Community Partnership?',
  slug: 'what-is-a-community-partnership',
  intro: null,
  outcomes: [{ id: '1', text: 'Describe the ways that partnerships can benefit libraries' }],
  module: { documentId: 'module-1', slug: 'partnerships' },
  ...overrides,
});

/** A published page of that section, with overrides. */
export const pageEntry = (overrides: Partial<PageEntry> = {}): PageEntry => ({
  documentId: 'page-2-0',
  number: '2.0',
  title: 'Overview',
  slug: 'two-zero',
  updatedAt: null,
  seo: null,
  section: { documentId: 'section-2' },
  body: [],
  legacyPaths: [],
  ...overrides,
});
