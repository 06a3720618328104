import { describe, expect, it } from 'vitest';
import { isUnsafeUrl, sanitizeHast } from '../../../scripts/import/sanitize-hast.js';
import { markdownToHast } from '../../../scripts/import/markdown-to-hast.js';
import { parseJekyllPage } from '../../../scripts/import/parse-jekyll-page.js';
import { jekyllSource, lineOf } from './jekyll-source.js';

const FILE = 'content/hostile.md';

describe('hostile HTML in a Jekyll page', () => {
  const cases: Array<{ name: string; html: string; marker: string; warning: string; kept: string | null }> = [
    {
      name: '<script>',
      html: 'Safe text.\n\n<script>\nalert("pwned")\n</script>',
      marker: '<script>',
      warning: '<script>',
      kept: 'Safe text.',
    },
    {
      // An iframe of a web page is kept as a link to it (see iframe-to-video.test.ts); one that runs code goes.
      name: '<iframe src="javascript:…">',
      html: 'Video:\n\n<iframe src="javascript:alert(1)"></iframe>',
      marker: '<iframe',
      warning: '<iframe>',
      kept: 'Video:',
    },
    {
      name: '<style>',
      html: '<style>body { display: none }</style>\n\nStyled.',
      marker: '<style>',
      warning: '<style>',
      kept: 'Styled.',
    },
    {
      name: 'onclick=',
      html: 'Press <b onclick="steal()">here</b> now.',
      marker: 'Press',
      warning: 'onclick',
      kept: 'here',
    },
    {
      name: 'href="javascript:…"',
      html: 'A <a href="javascript:alert(1)">bad link</a>.',
      marker: 'A <a',
      warning: 'unsafe href',
      kept: 'bad link',
    },
    {
      name: 'Markdown javascript: link',
      html: 'A [bad](javascript:alert(1)) link.',
      marker: 'A [bad]',
      warning: 'unsafe href',
      kept: 'bad',
    },
    {
      name: 'disguised JaVa\\tScRiPt: link',
      html: 'A <a href=" JaVa&#9;ScRiPt:alert(1)">bad</a>.',
      marker: 'A <a',
      warning: 'unsafe href',
      kept: 'bad',
    },
    {
      name: '<img src="javascript:…">',
      html: 'Logo:\n\n<img src="javascript:alert(1)" alt="logo">',
      marker: '<img',
      warning: 'unsafe src',
      kept: 'Logo:',
    },
    {
      name: 'data: image',
      html: 'Pic ![x](data:text/html;base64,PHNjcmlwdD4=)',
      marker: 'Pic',
      warning: 'unsafe src',
      kept: 'Pic',
    },
    {
      name: '<object>',
      html: '<object data="x.swf"></object>\n\nAfter.',
      marker: '<object',
      warning: '<object>',
      kept: 'After.',
    },
    {
      name: '<form>',
      html: '<form action="javascript:x()"><input name="q"></form>\n\nAfter.',
      marker: '<form',
      warning: '<form>',
      kept: 'After.',
    },
  ];

  it.each(cases)('drops $name with a warning naming the file and line', ({ html, marker, warning, kept }) => {
    const source = jekyllSource(`Intro paragraph.\n\n${html}\n\nOutro paragraph.`);
    const document = parseJekyllPage(FILE, source);
    const matching = document.warnings.filter((entry) => entry.message.includes(warning));
    expect(matching.map(({ file, line }) => ({ file, line }))).toEqual([{ file: FILE, line: lineOf(source, marker) }]);
    const serialized = JSON.stringify({
      module: document.module,
      section: document.section,
      page: document.page,
    }).toLowerCase();
    for (const hostile of ['script', 'javascript:', 'onclick', 'iframe', 'data:', 'alert', 'steal', 'evil.example']) {
      expect(serialized).not.toContain(hostile);
    }
    if (kept) expect(serialized).toContain(kept.toLowerCase());
    expect(serialized).toContain('outro paragraph.');
  });

  it('reports the line inside a resource box and an outcomes list', () => {
    const source = jekyllSource(
      'Text\n\n<div class="resources">\n<span class="box-title">Box</span>\n<ul>\n<li><a href="javascript:x()">Item</a></li>\n</ul>\n</div>',
    );
    const document = parseJekyllPage(FILE, source);
    expect(document.warnings.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: FILE, line: lineOf(source, '<li><a') },
    ]);
    expect(document.warnings[0]?.message).toContain('unsafe href');
    expect(document.page.body[1]).toMatchObject({
      __component: 'content.resource-box',
      items: [{ text: 'Item', url: null }],
      kind: 'checklist',
    });
  });

  it('leaves the input tree untouched and removes comments silently', () => {
    const tree = markdownToHast('<!-- note --><p onclick="x()">Hi</p>');
    const before = JSON.stringify(tree);
    const { tree: clean, warnings } = sanitizeHast(tree, FILE);
    expect(JSON.stringify(tree)).toBe(before);
    expect(JSON.stringify(clean)).not.toContain('note');
    expect(JSON.stringify(clean)).not.toContain('onClick');
    expect(warnings).toHaveLength(1);
  });
});

describe('isUnsafeUrl', () => {
  it.each([
    ['javascript:alert(1)', true],
    ['  JAVASCRIPT:alert(1)', true],
    ['java\tscript:alert(1)', true],
    ['data:text/html,hi', true],
    ['vbscript:msgbox', true],
    ['https://example.org/javascript:', false],
    ['/modules/partnerships/', false],
    ['mailto:someone@example.org', false],
    ['#top', false],
  ])('%j -> %s', (url, unsafe) => {
    expect(isUnsafeUrl(url)).toBe(unsafe);
  });
});
