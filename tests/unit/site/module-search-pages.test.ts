import { describe, expect, it } from 'vitest';
import { moduleSearchPages } from '../../../site/integrations/module-search-pages.js';

describe('the pages each rendered module indexes for search', () => {
  it.each([
    { name: 'nothing rendered', pathnames: [], expected: {} },
    { name: 'home and 404 only', pathnames: ['', '404/', 'search/'], expected: {} },
    {
      name: "a module's content pages, not its index or print page",
      pathnames: ['modules/intro/', 'modules/intro/welcome/', 'modules/intro/print/', 'modules/intro/two-zero/'],
      expected: { intro: ['/modules/intro/welcome/', '/modules/intro/two-zero/'] },
    },
    {
      name: 'several modules, with or without a leading slash',
      pathnames: ['/modules/a/one/', 'modules/b/two/', 'modules/a/three'],
      expected: { a: ['/modules/a/one/', '/modules/a/three/'], b: ['/modules/b/two/'] },
    },
    { name: 'the search bundle folder is not a page', pathnames: ['modules/a/_search/'], expected: {} },
  ])('$name', ({ pathnames, expected }) => {
    expect(Object.fromEntries(moduleSearchPages(pathnames))).toEqual(expected);
  });
});
