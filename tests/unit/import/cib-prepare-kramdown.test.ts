import { describe, expect, it } from 'vitest';
import type { BlockNode } from '@lm/shared';
import { hastToBody } from '../../../scripts/import/hast-to-body.js';
import { parseCibPost } from '../../../scripts/import/parse-cib-post.js';
import { prepareKramdown } from '../../../scripts/import/prepare-kramdown.js';

const FILE = 'modules/demo/_posts/2001-01-01-demo.md';
const SITE = new Map([
  ['baseurl', '/toolkit'],
  ['title', 'Demo Toolkit'],
]);

/** A post with the given body, parsed as the importer does. */
function post(body: string, frontMatter = 'title: Demo') {
  return parseCibPost(FILE, `---\n${frontMatter}\n---\n${body}\n`, 'Fallback', SITE);
}

function blocksOf(body: string): BlockNode[] {
  return hastToBody(post(body).tree, FILE).body.flatMap((block) =>
    block.__component === 'content.rich-text' ? block.content : [],
  );
}

describe('prepareKramdown: Liquid', () => {
  it('resolves site values from _config.yml', () => {
    const { markdown, warnings } = prepareKramdown(FILE, '[x]({{ site.baseurl }}/a/) in {{site.title}}', SITE);
    expect(markdown).toBe('[x](/toolkit/a/) in Demo Toolkit');
    expect(warnings).toEqual([]);
  });

  it('removes other Liquid, warning with the file line (front matter counted)', () => {
    const { markdown, warnings } = prepareKramdown(FILE, 'One\n{% include box.html %}\n{{ page.title }}', SITE, 3);
    expect(markdown).toBe('One\n\n');
    expect(warnings).toEqual([
      { file: FILE, line: 5, message: 'Liquid tag {% include box.html %} removed: only Jekyll can evaluate it' },
      { file: FILE, line: 6, message: 'Liquid output {{ page.title }} removed: only Jekyll can evaluate it' },
    ]);
  });
});

describe('prepareKramdown: kramdown syntax', () => {
  it('removes inline and block attribute lists and counts them', () => {
    const { markdown, attributeLists } = prepareKramdown(FILE, '[a](http://x.org){:target="_blank"}\n{: .note}', SITE);
    expect(markdown).toBe('[a](http://x.org)\n');
    expect(attributeLists).toBe(2);
  });

  it('parses Markdown inside an HTML block marked markdown="1", nested blocks included', () => {
    const body =
      '<div class="callout tip" markdown="1">\n## Title\n<div class="inner">\n*x*\n</div>\n* one\n* two\n</div>\nAfter';
    const tree = post(body).tree;
    const callout = tree.children.find((node) => node.type === 'element' && node.tagName === 'div');
    expect(
      callout?.type === 'element' &&
        callout.children
          .map((child) => (child.type === 'element' ? child.tagName : 'text'))
          .filter((tag) => tag !== 'text'),
    ).toEqual(['h2', 'div', 'ul']);
    expect(blocksOf(body).at(-1)).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'After' }] });
  });

  it('keeps file line numbers for warnings after the lines it added', () => {
    const parsed = post('<div markdown="1">\n## T\n</div>\n\n<iframe src="https://example.org/"></iframe>');
    expect(parsed.warnings.find((warning) => warning.message.includes('iframe'))?.line).toBe(8);
  });
});

describe('parseCibPost: what Jekyll showed', () => {
  it('drops HTML comments with a warning quoting what they hid, and counts no word of them', () => {
    const parsed = post('Two words\n<!-- a hidden paragraph -->');
    expect(parsed.sourceWords).toBe(2);
    expect(parsed.warnings).toEqual([
      { file: FILE, line: 5, message: 'dropped HTML comment: it hid "a hidden paragraph"' },
    ]);
  });

  it('follows GFM: a list or a heading right after a paragraph line', () => {
    expect(blocksOf('Intro line\n* one\n* two\nMore\n## Heading').map((block) => block.type)).toEqual([
      'paragraph',
      'list',
      'heading',
    ]);
  });

  it('reads title, sectionHead tag and published from the front matter', () => {
    const parsed = post('x', "title: Start\ntags: ['sectionHead', 'intro']\npublished: false");
    expect(parsed).toMatchObject({ title: 'Start', sectionHead: true, published: false });
    expect(post('x', 'tags: sectionHead').title).toBe('Fallback');
  });
});
