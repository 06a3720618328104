import { describe, expect, it } from 'vitest';
import { blocksSchema } from '@lm/shared';
import { parseJekyllPage } from '../../../scripts/import/parse-jekyll-page.js';
import { jekyllSource, lineOf } from './jekyll-source.js';
import { FILE, blocksOf, item, page, paragraph, text } from './test-page.js';

describe('Markdown and HTML to Blocks', () => {
  const cases: Array<{ name: string; markdown: string; blocks: unknown[] }> = [
    {
      name: 'headings of every level',
      markdown: '# One\n\n### Three\n\n<h6>Six</h6>',
      blocks: [
        { type: 'heading', level: 1, children: [text('One')] },
        { type: 'heading', level: 3, children: [text('Three')] },
        { type: 'heading', level: 6, children: [text('Six')] },
      ],
    },
    {
      name: 'bold, italic, underline, strikethrough and code marks',
      markdown: 'a **b** *i* <u>u</u> ~~s~~ `c` <em><strong>bi</strong></em>',
      blocks: [
        paragraph(
          text('a '),
          text('b', { bold: true }),
          text(' '),
          text('i', { italic: true }),
          text(' '),
          text('u', { underline: true }),
          text(' '),
          text('s', { strikethrough: true }),
          text(' '),
          text('c', { code: true }),
          text(' '),
          text('bi', { bold: true, italic: true }),
        ),
      ],
    },
    {
      name: 'links, with marks inside',
      markdown: 'See [the **guide**](https://example.org/guide) or <a href="/modules/">modules</a>.',
      blocks: [
        paragraph(
          text('See '),
          { type: 'link', url: 'https://example.org/guide', children: [text('the '), text('guide', { bold: true })] },
          text(' or '),
          { type: 'link', url: '/modules/', children: [text('modules')] },
          text('.'),
        ),
      ],
    },
    {
      name: 'a relative link, which Blocks cannot hold, as plain text',
      markdown: 'Go [next](two-one.html).',
      blocks: [paragraph(text('Go next.'))],
    },
    {
      name: 'ordered lists with nested lists',
      markdown: '1. one\n2. two\n   - two a\n   - two b\n3. three',
      blocks: [
        {
          type: 'list',
          format: 'ordered',
          children: [
            item(text('one')),
            item(text('two')),
            { type: 'list', format: 'unordered', indentLevel: 1, children: [item(text('two a')), item(text('two b'))] },
            item(text('three')),
          ],
        },
      ],
    },
    {
      name: 'a quote, its lines joined as HTML joins them',
      markdown: '> first line\n> second **line**',
      blocks: [{ type: 'quote', children: [text('first line second '), text('line', { bold: true })] }],
    },
    {
      name: 'a fenced code block with its language, text kept exactly',
      markdown: '```js\nconst a = 1;\n  if (a)  {}\n```',
      blocks: [{ type: 'code', language: 'js', children: [text('const a = 1;\n  if (a)  {}')] }],
    },
    {
      name: 'an image inside a paragraph, split out as its own block',
      markdown: 'Before <img src="https://example.org/img/logo.png" alt="Logo" width="120"> after',
      blocks: [
        paragraph(text('Before')),
        {
          type: 'image',
          image: {
            name: 'logo.png',
            alternativeText: 'Logo',
            url: 'https://example.org/img/logo.png',
            width: 120,
            height: 0,
            hash: 'logo_5fc11b5d76',
            ext: '.png',
            mime: 'image/png',
            size: 0,
            provider: 'external',
            createdAt: '1970-01-01T00:00:00.000Z',
            updatedAt: '1970-01-01T00:00:00.000Z',
          },
          children: [text('')],
        },
        paragraph(text('after')),
      ],
    },
    {
      name: 'whitespace collapsed like HTML, <br> as a line break, empty paragraphs dropped',
      markdown: '<p>  many \n   spaces <b> bold </b> end<br>\n next  </p>\n\n<p> &nbsp; </p>\n\n<p></p>',
      blocks: [paragraph(text('many spaces '), text('bold ', { bold: true }), text('end\nnext'))],
    },
    {
      name: 'wrappers contributing their children, text outside paragraphs becoming one',
      markdown: '<section><div>loose <span>text</span></div><p>para</p></section>',
      blocks: [paragraph(text('loose text')), paragraph(text('para'))],
    },
  ];
  it.each(cases)('maps $name', ({ markdown, blocks }) => {
    const document = page(markdown);
    expect(blocksOf(document)).toEqual(blocks);
    expect(blocksSchema.safeParse(blocksOf(document)).success).toBe(true);
  });

  it('flattens a table into a list of rows, header bold, and warns with the line', () => {
    const markdown =
      'Intro\n\n| Partner | Role |\n|---|---|\n| Museum | [Hosts](https://museum.example) |\n| School | Teaches |';
    const source = jekyllSource(markdown);
    const document = parseJekyllPage(FILE, source);
    expect(blocksOf(document)).toEqual([
      paragraph(text('Intro')),
      {
        type: 'list',
        format: 'unordered',
        children: [
          item(text('Partner | Role', { bold: true })),
          item(text('Museum | '), { type: 'link', url: 'https://museum.example', children: [text('Hosts')] }),
          item(text('School | Teaches')),
        ],
      },
    ]);
    expect(document.warnings.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: FILE, line: lineOf(source, '| Partner') },
    ]);
    expect(document.warnings[0]?.message).toContain('table flattened');
  });
});
