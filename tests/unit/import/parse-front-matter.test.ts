import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../scripts/import/import-error.js';
import { parseFrontMatter } from '../../../scripts/import/parse-front-matter.js';
import { parsePageTitle, parseSectionTitle } from '../../../scripts/import/parse-numbered-title.js';
import { FIXTURE_FILE, jekyllSource, readFixture } from './jekyll-source.js';

describe('parseFrontMatter', () => {
  it('maps the fixture onto module, section and page', () => {
    const { frontMatter, content, lineOffset } = parseFrontMatter(FIXTURE_FILE, readFixture());
    expect(frontMatter).toEqual({
      layout: 'module',
      module: { slug: 'partnerships', title: 'Community Partnerships' },
      section: { number: 2, title: 'What is a Community Partnership?', slug: 'what-is-a-community-partnership' },
      page: { number: '2.0', title: 'Overview', slug: 'two-zero' },
      permalink: undefined,
      redirectFrom: [],
    });
    expect(content.trimStart().startsWith('In this section, you’ll learn')).toBe(true);
    // Seven front matter lines and the closing delimiter precede the body.
    expect(lineOffset).toBe(8);
  });

  it('accepts a page without layout', () => {
    expect(parseFrontMatter('x.md', jekyllSource('Body', { layout: undefined })).frontMatter.layout).toBeUndefined();
  });

  const badInputs: Array<{ name: string; source: string; key: string }> = [
    { name: 'invalid YAML', source: '---\ntitle: [2.0 Overview\n---\nBody', key: 'YAML' },
    { name: 'no front matter', source: 'Just a body', key: 'front matter' },
    { name: 'JavaScript front matter', source: '---js\n{ title: "2.0 Overview" }\n---\nBody', key: 'YAML' },
    ...['title', 'module_name', 'module_full_name', 'section', 'subsection'].map((key) => ({
      name: `missing ${key}`,
      source: jekyllSource('Body', { [key]: undefined }),
      key: `"${key}"`,
    })),
    { name: 'title without a number', source: jekyllSource('Body', { title: 'Overview' }), key: '"title"' },
    { name: 'section without a number', source: jekyllSource('Body', { section: 'Two' }), key: '"section"' },
    {
      name: 'section that is a page number',
      source: jekyllSource('Body', { section: '2.0 Overview' }),
      key: '"section"',
    },
    { name: 'page slug with spaces', source: jekyllSource('Body', { subsection: 'Two Zero' }), key: '"subsection"' },
    {
      name: 'module slug in capitals',
      source: jekyllSource('Body', { module_name: 'Partnerships' }),
      key: '"module_name"',
    },
    { name: 'empty module title', source: jekyllSource('Body', { module_full_name: '""' }), key: '"module_full_name"' },
    { name: 'numeric title', source: jekyllSource('Body', { title: '2.0' }), key: '"title"' },
  ];
  it.each(badInputs)('rejects $name with an ImportError naming the file and $key', ({ source, key }) => {
    const file = 'content/bad-page.md';
    let thrown: unknown;
    try {
      parseFrontMatter(file, source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ImportError);
    const message = thrown instanceof Error ? thrown.message : '';
    expect(message.startsWith(`[import] ${file}: `)).toBe(true);
    expect(message).toContain(key);
  });

  it('says what the value must look like and what it got', () => {
    expect(() => parseFrontMatter('content/x.md', jekyllSource('Body', { section: 'Two' }))).toThrow(
      '[import] content/x.md: front matter key "section" must look like "2. Section title", got "Two"',
    );
  });

  it('never evaluates JavaScript front matter', () => {
    const source = '---js\n{ title: (globalThis.importRan = true, "2.0 Overview") }\n---\nBody';
    expect(() => parseFrontMatter('x.md', source)).toThrow(ImportError);
    expect(Reflect.get(globalThis, 'importRan')).toBeUndefined();
  });
});

describe('parsePageTitle', () => {
  it.each([
    ['2.0 Overview', { number: '2.0', title: 'Overview' }],
    ['2.10 Working Together', { number: '2.10', title: 'Working Together' }],
    ['3 Introduction', { number: '3', title: 'Introduction' }],
    ['2.0. Overview ', { number: '2.0', title: 'Overview' }],
    ['  1.2.3 Deep  page', { number: '1.2.3', title: 'Deep  page' }],
    ['Overview', null],
    ['2.0', null],
    ['2.0Overview', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(parsePageTitle(input)).toEqual(expected);
  });
});

describe('parseSectionTitle', () => {
  it.each([
    ['2. What is a Community Partnership?', { number: 2, title: 'What is a Community Partnership?' }],
    ['10. Evaluating Partnerships', { number: 10, title: 'Evaluating Partnerships' }],
    ['2 Without a dot', { number: 2, title: 'Without a dot' }],
    ['Two', null],
    ['2.', null],
    ['2. ???', null],
    ['2.0 Overview', null],
  ])('%j -> %j', (input, expected) => {
    expect(parseSectionTitle(input)).toEqual(expected);
  });
});
