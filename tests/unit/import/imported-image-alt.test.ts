import { describe, expect, it } from 'vitest';
import { checkCourse, imageAlt } from '@lm/shared';
import { blocksOf, page } from './test-page.js';

const images = (markdown: string) =>
  blocksOf(page(markdown)).flatMap((node) => (node.type === 'image' ? [node.image] : []));

describe('alt text of imported images', () => {
  it('keeps the alt text the page gives', () => {
    const [image] = images('![A hand-drawn map](https://example.org/img/map.png)');
    expect(image?.alternativeText).toBe('A hand-drawn map');
    expect(imageAlt(image ?? {}).kind).toBe('described');
  });

  it.each([
    ['Markdown without alt text', '![](https://example.org/img/swirl.png)'],
    ['HTML without an alt attribute', '<img src="https://example.org/img/swirl.png">'],
  ])('imports %s as decorative, with a warning on its line', (_, markdown) => {
    const document = page(`Intro.\n\n${markdown}`);
    const [image] = images(`Intro.\n\n${markdown}`);
    expect(image?.alternativeText).toBe('decorative');
    const warning = document.warnings.find((entry) => entry.message.includes('has no alt text'));
    expect(warning?.message).toContain('"https://example.org/img/swirl.png"');
    expect(warning?.line).toBeGreaterThan(1);
    // So the page still publishes: the publish check takes the mark.
    const body = document.page.body;
    const report = checkCourse({
      modules: [],
      sections: [],
      pages: [
        {
          documentId: 'p',
          number: '1.0',
          title: 'T',
          slug: 't',
          sectionId: null,
          publishedSectionId: null,
          published: false,
          legacyPaths: [],
          body,
        },
      ],
    });
    expect(report.errors.filter((issue) => issue.message.includes('alternative text'))).toEqual([]);
  });
});
