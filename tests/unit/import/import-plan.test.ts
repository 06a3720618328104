import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from '@lm/shared';
import { ImportError } from '../../../scripts/import/import-error.js';
import {
  canonicalJson,
  decideAction,
  fingerprintOf,
  moduleFields,
  pageFields,
  planImport,
  sectionFields,
  type ExistingContent,
} from '../../../scripts/import/import-plan.js';
import type { PageDocument } from '../../../scripts/import/page-document.js';

/** A parsed page, as parseJekyllPage returns it, with the parts a test cares about overridden. */
function doc(
  file: string,
  overrides: {
    page?: Partial<PageDocument['page']>;
    section?: Partial<PageDocument['section']>;
    module?: Partial<PageDocument['module']>;
  } = {},
): PageDocument {
  return {
    file,
    module: { slug: 'partnerships', title: 'Community Partnerships', ...overrides.module },
    section: {
      number: 2,
      title: 'What is a Community Partnership?',
      slug: 'what-is-a-community-partnership',
      outcomes: [],
      ...overrides.section,
    },
    page: {
      number: '2.0',
      title: 'Overview',
      slug: 'two-zero',
      legacyPaths: ['/modules/partnerships/two-zero.html', '/modules/partnerships/two-zero/'],
      body: [
        {
          __component: 'content.rich-text',
          content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello' }] }],
        },
      ],
      ...overrides.page,
    },
    warnings: [],
  };
}

const NOTHING: ExistingContent = { modules: [], sections: [], pages: [] };

/** What Strapi would hold after importing `documents`, unchanged since. */
function existingAfter(documents: PageDocument[]): ExistingContent {
  const plan = planImport(documents, NOTHING);
  return {
    modules: plan.modules.map((entry, index) => ({
      slug: entry.fields.slug,
      documentId: `m${index}`,
      fingerprint: entry.fingerprint,
    })),
    sections: plan.sections.map((entry, index) => ({
      moduleSlug: entry.moduleSlug,
      slug: entry.fields.slug,
      documentId: `s${index}`,
      fingerprint: entry.fingerprint,
      outcomes: entry.fields.outcomes,
    })),
    pages: plan.pages.map((entry, index) => ({
      moduleSlug: entry.moduleSlug,
      slug: entry.fields.slug,
      documentId: `p${index}`,
      fingerprint: entry.fingerprint,
    })),
  };
}

describe('slugs', () => {
  it.each([
    ['What is a Community Partnership?', 'what-is-a-community-partnership'],
    ['Library’s Role & Partners', 'librarys-role-partners'],
    ['  Café  Programs ', 'cafe-programs'],
  ])('section title %j -> slug %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });
});

describe('fingerprintOf', () => {
  it.each([
    ['key order does not matter', { a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 }, true],
    ['undefined members are ignored', { a: 1, b: undefined }, { a: 1 }, true],
    ['array order matters', { a: [1, 2] }, { a: [2, 1] }, false],
    ['values matter', { title: 'Overview' }, { title: 'Overview ' }, false],
    ['types matter', { number: 2 }, { number: '2' }, false],
  ])('%s', (_name, left, right, equal) => {
    expect(fingerprintOf(left) === fingerprintOf(right)).toBe(equal);
  });

  it('is the hex SHA-256 of canonical JSON', () => {
    expect(canonicalJson({ b: [1, { d: null, c: true }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":true,"d":null}]}');
    expect(fingerprintOf({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});

describe('decideAction', () => {
  it.each([
    ['nothing exists', undefined, { action: 'create', documentId: null }],
    ['same fingerprint', { documentId: 'd1', fingerprint: 'f' }, { action: 'unchanged', documentId: 'd1' }],
    ['other fingerprint', { documentId: 'd1', fingerprint: 'g' }, { action: 'update', documentId: 'd1' }],
  ])('%s', (_name, existing, expected) => {
    expect(decideAction('f', existing)).toEqual(expected);
  });
});

describe('planImport', () => {
  const overview = doc('two-zero.md', { section: { outcomes: ['Describe benefits'] } });
  const kinds = doc('two-one.md', { page: { number: '2.1', title: 'Kinds', slug: 'two-one' } });

  it('creates everything on a first run, once per module and section', () => {
    const plan = planImport([kinds, overview], NOTHING);
    expect(plan.errors).toEqual([]);
    expect(plan.modules.map((entry) => [entry.action, entry.fields, entry.files])).toEqual([
      ['create', { slug: 'partnerships', title: 'Community Partnerships' }, ['two-one.md', 'two-zero.md']],
    ]);
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]?.fields).toEqual({
      number: 2,
      title: 'What is a Community Partnership?',
      slug: 'what-is-a-community-partnership',
      outcomes: ['Describe benefits'],
    });
    // Pages come in reading order, whatever the file order.
    expect(plan.pages.map((entry) => [entry.action, entry.fields.slug, entry.documentId])).toEqual([
      ['create', 'two-zero', null],
      ['create', 'two-one', null],
    ]);
  });

  const changes: Array<{
    name: string;
    next: PageDocument[];
    actions: Record<'modules' | 'sections' | 'pages', string[]>;
  }> = [
    {
      name: 'the same files again',
      next: [overview, kinds],
      actions: { modules: ['unchanged'], sections: ['unchanged'], pages: ['unchanged', 'unchanged'] },
    },
    {
      name: 'a page title edited',
      next: [overview, doc('two-one.md', { page: { number: '2.1', title: 'Kinds of Partnership', slug: 'two-one' } })],
      actions: { modules: ['unchanged'], sections: ['unchanged'], pages: ['unchanged', 'update'] },
    },
    {
      name: 'an outcome edited',
      next: [doc('two-zero.md', { section: { outcomes: ['Describe the benefits'] } }), kinds],
      actions: { modules: ['unchanged'], sections: ['update'], pages: ['unchanged', 'unchanged'] },
    },
    {
      name: 'the module renamed in every file',
      next: [overview, kinds].map((document) => ({
        ...document,
        module: { ...document.module, title: 'Partnerships' },
      })),
      actions: { modules: ['update'], sections: ['unchanged'], pages: ['unchanged', 'unchanged'] },
    },
    {
      name: 'a new page',
      next: [overview, kinds, doc('two-two.md', { page: { number: '2.2', title: 'Levels', slug: 'two-two' } })],
      actions: { modules: ['unchanged'], sections: ['unchanged'], pages: ['unchanged', 'unchanged', 'create'] },
    },
    {
      name: 'a page moved to a new section',
      next: [
        overview,
        doc('two-one.md', {
          page: { number: '3.0', title: 'Kinds', slug: 'two-one' },
          section: { number: 3, title: 'Kinds', slug: 'kinds' },
        }),
      ],
      actions: { modules: ['unchanged'], sections: ['unchanged', 'create'], pages: ['unchanged', 'update'] },
    },
  ];
  it.each(changes)('after $name, decides create/update/unchanged per entity', ({ next, actions }) => {
    const plan = planImport(next, existingAfter([overview, kinds]));
    expect(plan.errors).toEqual([]);
    expect({
      modules: plan.modules.map((entry) => entry.action),
      sections: plan.sections.map((entry) => entry.action),
      pages: plan.pages.map((entry) => entry.action),
    }).toEqual(actions);
    for (const entry of [...plan.modules, ...plan.sections, ...plan.pages]) {
      expect(entry.documentId === null).toBe(entry.action === 'create');
    }
  });

  const conflicts: Array<{ name: string; later: PageDocument; mentions: string }> = [
    {
      name: 'the same page slug',
      later: doc('copy-of-two-zero.md', { page: { number: '2.5', title: 'Copy' } }),
      mentions: '"subsection"',
    },
    {
      name: 'another module title',
      later: doc('other.md', { module: { title: 'Partners' }, page: { slug: 'two-nine' } }),
      mentions: '"module_full_name"',
    },
    {
      name: 'another section title, same number',
      later: doc('other.md', { section: { title: 'Other', slug: 'other' }, page: { slug: 'two-nine' } }),
      mentions: 'same number and title',
    },
    {
      name: 'other outcomes for the section',
      later: doc('other.md', { section: { outcomes: ['Something else'] }, page: { slug: 'two-nine' } }),
      mentions: 'outcomes',
    },
  ];
  it.each(conflicts)('fails the later file on $name, naming both files', ({ later, mentions }) => {
    const plan = planImport([overview, later], NOTHING);
    expect(plan.errors).toHaveLength(1);
    const [error] = plan.errors;
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.file).toBe(later.file);
    expect(error?.message).toMatch(new RegExp(`^\\[import\\] ${later.file}: `));
    expect(error?.message).toContain(overview.file);
    expect(error?.message).toContain(mentions);
    // The earlier file is still planned; the later one is left out entirely.
    expect(plan.pages.map((entry) => entry.files)).toEqual([[overview.file]]);
  });

  it('keeps the stored outcomes when the run has no page that lists them', () => {
    const plan = planImport([kinds], existingAfter([overview, kinds]));
    expect(plan.sections.map((entry) => [entry.action, entry.fields.outcomes])).toEqual([
      ['unchanged', ['Describe benefits']],
    ]);
  });

  it('allows the same page slug in two modules', () => {
    const other = doc('other-module.md', { module: { slug: 'outreach', title: 'Outreach' } });
    const plan = planImport([overview, other], NOTHING);
    expect(plan.errors).toEqual([]);
    expect(plan.pages.map((entry) => [entry.moduleSlug, entry.fields.slug])).toEqual([
      ['partnerships', 'two-zero'],
      ['outreach', 'two-zero'],
    ]);
  });
});

describe('entity fields', () => {
  it('are what the importer writes, the page naming its section by slug', () => {
    const document = doc('two-zero.md', { section: { outcomes: ['A'] } });
    expect(moduleFields(document)).toEqual({ slug: 'partnerships', title: 'Community Partnerships' });
    expect(sectionFields([doc('x.md'), document])?.outcomes).toEqual(['A']);
    expect(sectionFields([])).toBeNull();
    expect(pageFields(document)).toEqual({
      number: '2.0',
      title: 'Overview',
      slug: 'two-zero',
      sectionSlug: 'what-is-a-community-partnership',
      body: document.page.body,
      legacyPaths: ['/modules/partnerships/two-zero.html', '/modules/partnerships/two-zero/'],
    });
  });

  it('keep the stored old addresses and add only those missing, so a re-import adds no duplicate', () => {
    const document = doc('two-zero.md');
    const stored = ['/from-an-editor/', '/modules/partnerships/two-zero.html'];
    expect(pageFields(document, stored).legacyPaths).toEqual([...stored, '/modules/partnerships/two-zero/']);
    const again = pageFields(document, pageFields(document, stored).legacyPaths).legacyPaths;
    expect(again).toEqual(pageFields(document, stored).legacyPaths);
    // The site serves `/a` and `/a/` as one path: a stored bare form counts as the folder form.
    expect(pageFields(document, ['/modules/partnerships/two-zero']).legacyPaths).toEqual([
      '/modules/partnerships/two-zero',
      '/modules/partnerships/two-zero.html',
    ]);
  });
});
