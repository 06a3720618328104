import { describe, expect, it } from 'vitest';
import {
  checkCourse,
  checkCourseStructure,
  courseCheckReportSchema,
  publishedChildrenProblem,
  reportFor,
  siteLinkTarget,
  type CheckedModule,
  type CheckedPage,
  type CheckedSection,
  type CourseData,
} from '@lm/shared';

const module = (over: Partial<CheckedModule> = {}): CheckedModule => ({
  documentId: 'm1',
  title: 'Community Partnerships',
  slug: 'partnerships',
  published: true,
  ...over,
});
const section = (over: Partial<CheckedSection> = {}): CheckedSection => ({
  documentId: 's2',
  number: 2,
  title: 'What is a partnership?',
  moduleId: 'm1',
  publishedModuleId: 'm1',
  published: true,
  outcomeCount: 1,
  ...over,
});
const page = (over: Partial<CheckedPage> = {}): CheckedPage => ({
  documentId: 'p1',
  number: '2.0',
  title: 'Overview',
  slug: 'two-zero',
  sectionId: 's2',
  publishedSectionId: 's2',
  published: true,
  legacyPaths: [],
  body: [],
  ...over,
});
const course = (pages: CheckedPage[], sections = [section()], modules = [module()]): CourseData => ({
  modules,
  sections,
  pages,
});
const link = (url: string) => ({
  __component: 'content.rich-text',
  content: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'x' }] }] }],
});
const box = (title: string, items: unknown[]) => ({ __component: 'content.resource-box', title, kind: 'tip', items });
const paths = (issues: { path: string | null; documentId: string | null }[]) =>
  issues.map((issue) => `${issue.documentId ?? '-'}:${issue.path ?? '-'}`);

describe('course structure (checked on save)', () => {
  it.each([
    ['a page numbered in its section', [page()], []],
    ['a number of another section', [page({ number: '3.1' })], ['p1:number']],
    ['a bare section number', [page({ number: '2' })], ['p1:number']],
    ['"20.1" in section 2', [page({ number: '20.1' })], ['p1:number']],
    ['two pages sharing a number', [page(), page({ documentId: 'p2', slug: 'other' })], ['p1:number', 'p2:number']],
    ['two pages sharing a slug', [page(), page({ documentId: 'p2', number: '2.1' })], ['p1:slug', 'p2:slug']],
    ['a page in no section', [page({ sectionId: null, number: '9' })], []],
  ])('%s', (_name, pages, expected) => {
    expect(paths(checkCourseStructure(course(pages)))).toEqual(expected);
  });

  it('allows the same slug in two modules', () => {
    const data = course(
      [page(), page({ documentId: 'p2', number: '1.0', sectionId: 's1', publishedSectionId: 's1' })],
      [section(), section({ documentId: 's1', number: 1, moduleId: 'm2', publishedModuleId: 'm2' })],
      [module(), module({ documentId: 'm2', slug: 'outreach', title: 'Outreach' })],
    );
    expect(checkCourseStructure(data)).toEqual([]);
  });

  it('names the module, section and both pages, and the URL they would share', () => {
    const [issue] = checkCourseStructure(course([page(), page({ documentId: 'p2', number: '2.1', title: 'More' })]));
    expect(issue?.message).toBe(
      'module "Community Partnerships", section 2, page 2.0 "Overview": page 2.1 "More" of the same module already ' +
        'uses the slug "two-zero" (both would be /modules/partnerships/two-zero/). Page slugs are unique in a ' +
        'module: choose another slug.',
    );
  });
});

describe('course content (checked on publish)', () => {
  it.each([
    ['a box with a title and an item', [box('Ask', [{ text: 'Why?' }])], [], []],
    ['a box without a title', [box(' ', [{ text: 'Why?' }])], ['p1:body.0.title'], []],
    ['a box without items, intro or content', [{}, box('Ask', [])], ['p1:body.1.items'], []],
    ['a box with an intro and no items', [{ ...box('Tip', []), intro: 'Start small.' }], [], []],
    [
      'a box with rich content (a callout) and no items',
      [{ ...box('Activity', []), content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Draw a map.' }] }] }],
      [],
      [],
    ],
    [
      'a link to a missing page inside a box’s content',
      [
        {
          ...box('Read', []),
          content: [
            { type: 'paragraph', children: [{ type: 'link', url: '/modules/partnerships/nowhere/', children: [] }] },
          ],
        },
      ],
      ['p1:body.0.content'],
      [],
    ],
    ['a link to an existing page', [link('/modules/partnerships/two-zero/#top')], [], []],
    ['a link to the module home', [link('/modules/partnerships/')], [], []],
    ['a link to a missing page', [link('/modules/partnerships/nowhere/')], ['p1:body.0.content'], []],
    ['a link to a missing module', [link('/modules/gone/two-zero/')], ['p1:body.0.content'], []],
    [
      'an item linking to a missing page',
      [box('Links', [{ text: 'x', url: '/modules/partnerships/x' }])],
      ['p1:body.0.items.0.url'],
      [],
    ],
    ['a link to an unpublished page', [link('/modules/partnerships/draft/')], [], ['p1:body.0.content']],
    ['a link to an old address', [link('/modules/partnerships/old-name/')], [], []],
    ['an external link', [link('https://example.org/modules/x/y/')], [], []],
  ])('%s', (_name, body, errors, warnings) => {
    const draft = page({
      documentId: 'p2',
      number: '2.1',
      slug: 'draft',
      published: false,
      publishedSectionId: null,
    });
    // The page's own old address: the site redirects it to the page.
    const legacyPaths = ['/modules/partnerships/old-name.html', '/modules/partnerships/old-name'];
    const report = checkCourse(course([page({ body, legacyPaths }), draft]));
    expect(paths(report.errors)).toEqual(errors);
    expect(paths(report.warnings)).toEqual(warnings);
  });

  it('warns of a section without outcomes', () => {
    const report = checkCourse(course([page()], [section({ outcomeCount: 0 })]));
    expect(report.errors).toEqual([]);
    expect(paths(report.warnings)).toEqual(['s2:outcomes']);
  });
});

describe('parents', () => {
  it.each([
    ['a page published in a published section', [page()], [section()], []],
    [
      'a page published without a section',
      [page({ sectionId: null, publishedSectionId: null })],
      [section()],
      ['p1:section'],
    ],
    ['a page published under a draft section', [page({ publishedSectionId: null })], [section()], ['p1:section']],
    [
      'a draft page without a section',
      [page({ sectionId: null, publishedSectionId: null, published: false })],
      [section()],
      [],
    ],
    ['a section published without a module', [], [section({ publishedModuleId: null })], ['s2:module']],
  ])('%s', (_name, pages, sections, expected) => {
    expect(paths(checkCourse(course(pages, sections)).errors)).toEqual(expected);
  });

  it('refuses to unpublish a section whose published pages would be orphaned, naming them', () => {
    const data = course([
      page(),
      page({ documentId: 'p2', number: '2.1', slug: 'b', published: false, publishedSectionId: null }),
    ]);
    expect(publishedChildrenProblem(data, 's2')?.message).toBe(
      'module "Community Partnerships", section 2 "What is a partnership?" cannot be unpublished while these are ' +
        'published in it: page 2.0 "Overview". Unpublish them first (or move them elsewhere), then unpublish this.',
    );
    expect(publishedChildrenProblem(data, 'm1')?.message).toContain('section 2 "What is a partnership?"');
    expect(publishedChildrenProblem(course([]), 's2')).toBeNull();
  });

  it('refuses to delete a section or module while published children would be orphaned, saying delete', () => {
    const data = course([page()]);
    expect(publishedChildrenProblem(data, 's2', 'delete')?.message).toBe(
      'module "Community Partnerships", section 2 "What is a partnership?" cannot be deleted while these are ' +
        'published in it: page 2.0 "Overview". Unpublish them first (or move them elsewhere), then delete this.',
    );
    expect(publishedChildrenProblem(data, 'm1', 'delete')?.message).toContain('cannot be deleted');
  });
});

describe('reports', () => {
  it('keeps the issues of the given entries, in the shape the admin reads', () => {
    const report = checkCourse(course([page(), page({ documentId: 'p2', slug: 'x' })]));
    const mine = reportFor(report, new Set(['p2']));
    expect(paths(mine.errors)).toEqual(['p2:number']);
    expect(courseCheckReportSchema.parse(mine)).toEqual(mine);
  });

  it.each([
    ['/modules/a/b/', { path: '/modules/a/b/', moduleSlug: 'a', pageSlug: 'b' }],
    ['/modules/a/print/', { path: '/modules/a/print/', moduleSlug: 'a', pageSlug: null }],
    ['/modules/a?x=1', { path: '/modules/a', moduleSlug: 'a', pageSlug: null }],
    ['/search/', null],
    ['mailto:a@b.c', null],
  ])('reads %s as a site link', (url, expected) => {
    expect(siteLinkTarget(url)).toEqual(expected);
  });
});
