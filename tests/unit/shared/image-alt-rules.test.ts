import { describe, expect, it } from 'vitest';
import { altAttribute, checkCourse, imageAlt, type CheckedPage, type CourseData } from '@lm/shared';

const imageNode = (name: string, alternativeText: string | null) => ({
  type: 'image',
  image: { name, alternativeText, url: `/uploads/${name}` },
  children: [{ type: 'text', text: '' }],
});
const page = (body: unknown[]): CheckedPage => ({
  documentId: 'p1',
  number: '2.0',
  title: 'Overview',
  slug: 'two-zero',
  sectionId: 's2',
  publishedSectionId: 's2',
  published: true,
  legacyPaths: [],
  body,
});
const course = (body: unknown[]): CourseData => ({
  modules: [{ documentId: 'm1', title: 'Community Partnerships', slug: 'partnerships', published: true }],
  sections: [
    {
      documentId: 's2',
      number: 2,
      title: 'What is a partnership?',
      moduleId: 'm1',
      publishedModuleId: 'm1',
      published: true,
      outcomeCount: 1,
    },
  ],
  pages: [page(body)],
});
const richText = (...content: unknown[]) => ({ __component: 'content.rich-text', content });

describe('imageAlt', () => {
  it.each([
    ['a description', 'map.png', 'A hand-drawn map of four blocks', 'described'],
    ['no alt text', 'map.png', null, 'missing'],
    ['blank alt text', 'map.png', '   ', 'missing'],
    // What Strapi's editor stores when the media library has no alternative text.
    ['the file name copied by the editor', 'IMG_2041.jpg', 'IMG_2041.jpg', 'missing'],
    ['the file name without its extension', 'IMG_2041.jpg', 'img_2041', 'missing'],
    ['the decorative mark', 'swirl.png', 'decorative', 'decorative'],
    ['the decorative mark, capitalised and padded', 'swirl.png', ' Decorative ', 'decorative'],
  ])('%s', (_, name, alternativeText, kind) => {
    expect(imageAlt({ name, alternativeText }).kind).toBe(kind);
  });

  it('renders a description as itself and a decorative or undescribed image as alt=""', () => {
    expect(altAttribute({ name: 'a.png', alternativeText: ' A map ' })).toBe('A map');
    expect(altAttribute({ name: 'a.png', alternativeText: 'decorative' })).toBe('');
    expect(altAttribute({ name: 'a.png', alternativeText: 'a.png' })).toBe('');
  });
});

describe('alternative text before publish', () => {
  it('refuses an image without alt text, naming the page, the image and the field', () => {
    const report = checkCourse(
      course([richText({ type: 'paragraph', children: [] }), richText(imageNode('map.png', null))]),
    );
    expect(report.errors.map((issue) => `${issue.documentId ?? '-'}:${issue.path ?? '-'}`)).toEqual([
      'p1:body.1.content',
    ]);
    expect(report.errors[0]?.message).toContain('page 2.0 "Overview"');
    expect(report.errors[0]?.message).toContain('the image "map.png" has no alternative text');
    expect(report.errors[0]?.message).toContain('"decorative"');
    expect(report.warnings).toEqual([]);
  });

  it('refuses an image whose alt text is the file name the editor filled in', () => {
    const report = checkCourse(course([richText(imageNode('IMG_2041.jpg', 'IMG_2041.jpg'))]));
    expect(report.errors).toHaveLength(1);
  });

  it('refuses an undescribed image inside a resource box too', () => {
    const box = {
      __component: 'content.resource-box',
      title: 'Map it',
      kind: 'tip',
      items: [],
      content: [imageNode('map.png', '')],
    };
    const report = checkCourse(course([box]));
    expect(report.errors.map((issue) => issue.path)).toEqual(['body.0.content']);
  });

  it('publishes described and decorative images', () => {
    const report = checkCourse(
      course([richText(imageNode('map.png', 'A map of four blocks'), imageNode('swirl.png', 'Decorative'))]),
    );
    expect(report.errors).toEqual([]);
  });
});
