import { describe, expect, it } from 'vitest';
import { moduleDescription, pageDescription } from '../../../site/src/lib/page-description.js';
import { assertNoReservedSlugs } from '../../../site/src/lib/assert-no-reserved-slugs.js';
import { moduleEntry, pageEntry, paragraphBlock, sectionEntry } from './content-entries.js';

const body = [paragraphBlock('p', 'The first paragraph.')];
const seo = { metaTitle: null, metaDescription: 'Written by the editors.' };

describe('pageDescription', () => {
  it.each([
    ['the SEO description first', { seo, body }, { intro: 'Section intro.' }, { summary: 'Module.' }, 'Written by the editors.'],
    ['else the first paragraph', { body }, { intro: 'Section intro.' }, { summary: 'Module.' }, 'The first paragraph.'],
    ['else the section intro', { body: [] }, { intro: 'Section intro.' }, { summary: 'Module.' }, 'Section intro.'],
    ['else the module summary', { body: [] }, { intro: '  ' }, { summary: 'Module.' }, 'Module.'],
  ])('uses %s', (_, page, section, module, expected) => {
    expect(pageDescription(moduleEntry(module), sectionEntry(section), pageEntry(page))).toBe(expected);
  });

  it('falls back to the site description for a page with no text at all', () => {
    expect(pageDescription(moduleEntry(), sectionEntry(), pageEntry())).toBe(
      'Self-paced training modules for library staff.',
    );
  });
});

describe('moduleDescription', () => {
  it('uses the summary, else the first paragraph of the first page', () => {
    expect(moduleDescription(moduleEntry({ summary: 'Module.' }), pageEntry({ body }))).toBe('Module.');
    expect(moduleDescription(moduleEntry(), pageEntry({ body }))).toBe('The first paragraph.');
  });
});

describe('assertNoReservedSlugs', () => {
  it('fails the build naming the page whose slug is "print"', () => {
    const page = pageEntry({ slug: 'print', number: '2.3', title: 'Printing posters' });
    expect(() => {
      assertNoReservedSlugs([{ module: moduleEntry(), page }]);
    }).toThrow(
      '[site] The page "2.3 Printing posters" in module "Community Partnerships" has the slug "print", which the site keeps for its own page /modules/partnerships/print/.',
    );
  });

  it('lets other slugs through', () => {
    expect(() => {
      assertNoReservedSlugs([{ module: moduleEntry(), page: pageEntry({ slug: 'printing' }) }]);
    }).not.toThrow();
  });
});
