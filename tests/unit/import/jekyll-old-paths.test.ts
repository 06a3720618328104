import { describe, expect, it } from 'vitest';
import { jekyllOldPaths, type JekyllPageAddress } from '../../../scripts/import/jekyll-old-paths.js';
import { parseJekyllPage } from '../../../scripts/import/parse-jekyll-page.js';
import { FIXTURE_FILE, readFixture } from './jekyll-source.js';

const page = (extra: Partial<JekyllPageAddress> = {}): JekyllPageAddress => ({
  file: 'pages/partnerships-two-zero.md',
  moduleSlug: 'partnerships',
  pageSlug: 'two-zero',
  ...extra,
});
const DEFAULT = ['/modules/partnerships/two-zero.html', '/modules/partnerships/two-zero/'];

describe('jekyllOldPaths', () => {
  const cases: Array<{ name: string; input: JekyllPageAddress; paths: string[]; dropped?: number }> = [
    { name: 'a module page without permalink', input: page(), paths: DEFAULT },
    {
      name: 'a permalink folder',
      input: page({ permalink: '/partnerships/overview/' }),
      paths: [...DEFAULT, '/partnerships/overview/'],
    },
    {
      name: 'a permalink .html file, also reached without the extension',
      input: page({ permalink: '/partnerships/overview.html' }),
      paths: [...DEFAULT, '/partnerships/overview.html', '/partnerships/overview'],
    },
    {
      name: 'an extensionless permalink, written as .html',
      input: page({ permalink: '/partnerships/overview' }),
      paths: [...DEFAULT, '/partnerships/overview', '/partnerships/overview.html'],
    },
    {
      name: 'permalink placeholders from the file name',
      input: page({ permalink: '/old/:basename:output_ext' }),
      paths: [...DEFAULT, '/old/partnerships-two-zero.html', '/old/partnerships-two-zero'],
    },
    {
      name: 'a permalink equal to the default, kept once',
      input: page({ permalink: '/modules/partnerships/two-zero' }),
      paths: [...DEFAULT],
    },
    {
      name: 'redirect_from entries',
      input: page({ redirectFrom: ['/partnerships.html', ' /modules/partnerships/two-zero.html '] }),
      paths: [...DEFAULT, '/partnerships.html'],
    },
    {
      name: 'an unknown placeholder or an unsafe path, dropped',
      input: page({ permalink: '/:categories/:year/', redirectFrom: ['https://evil.example/', '/a/../b'] }),
      paths: DEFAULT,
      dropped: 3,
    },
  ];
  it.each(cases)('$name', ({ input, paths, dropped = 0 }) => {
    const result = jekyllOldPaths(input);
    expect(result.paths).toEqual(paths);
    expect(result.dropped).toHaveLength(dropped);
  });

  it('keeps at most 20 paths', () => {
    const many = Array.from({ length: 30 }, (_, index) => `/old/${index}.html`);
    const result = jekyllOldPaths(page({ redirectFrom: many }));
    expect(result.paths).toHaveLength(20);
    expect(result.dropped).toHaveLength(12);
  });
});

describe('parseJekyllPage', () => {
  it('records the fixture page at the paths the old site served it', () => {
    expect(parseJekyllPage(FIXTURE_FILE, readFixture()).page.legacyPaths).toEqual(DEFAULT);
  });

  it('records a permalink and redirect_from, warning about what it cannot keep', () => {
    const source = readFixture().replace(
      'subsection: two-zero\n',
      'subsection: two-zero\npermalink: /partnerships/overview/\nredirect_from:\n  - /p.html\n  - //evil.example/\n',
    );
    const document = parseJekyllPage(FIXTURE_FILE, source);
    expect(document.page.legacyPaths).toEqual([...DEFAULT, '/partnerships/overview/', '/p.html']);
    expect(document.warnings.map((warning) => warning.message)).toContainEqual(
      expect.stringMatching(/^old address not kept: .*evil\.example/),
    );
  });
});
