import { describe, expect, it } from 'vitest';
import { blocksSchema } from '@lm/shared';
import { ImportError } from '../../../scripts/import/import-error.js';
import type { BodyInput } from '../../../scripts/import/page-document.js';
import { parseJekyllPage } from '../../../scripts/import/parse-jekyll-page.js';
import { FIXTURE_FILE, jekyllSource, lineOf, readFixture } from './jekyll-source.js';
import { FILE, blocksOf, page, text } from './test-page.js';

describe('parseJekyllPage on the partnerships fixture', () => {
  const document = parseJekyllPage(FIXTURE_FILE, readFixture());

  it('takes module, section and page from the front matter', () => {
    expect(document.module).toEqual({ slug: 'partnerships', title: 'Community Partnerships' });
    expect(document.section).toMatchObject({
      number: 2,
      title: 'What is a Community Partnership?',
      slug: 'what-is-a-community-partnership',
    });
    expect(document.page).toMatchObject({ number: '2.0', title: 'Overview', slug: 'two-zero' });
  });

  it('takes the section outcomes from the fancy list, one string each', () => {
    expect(document.section.outcomes).toEqual([
      'Describe the ways that partnerships can benefit libraries',
      'Explain how libraries can benefit their partners',
      'Recognize different levels of partnership',
    ]);
  });

  it('builds the body in source order: prose, outcomes, prose, resource box, prose', () => {
    const expected: BodyInput[] = [
      {
        __component: 'content.rich-text',
        content: [
          {
            type: 'paragraph',
            children: [
              text(
                'In this section, you’ll learn how community partnerships can benefit the library, and how the library can in turn help partners achieve their goals. We’ll also discuss how community partnerships can be valuable elements of your strategy to promote connected learning in your library.',
              ),
            ],
          },
        ],
      },
      {
        __component: 'content.outcomes',
        heading: 'Learning Outcomes For This Section',
        lead: 'After completing Section 2, What is a Community Partnership? you will be able to...',
      },
      {
        __component: 'content.rich-text',
        content: [
          {
            type: 'paragraph',
            children: [
              text('A '),
              text('community partnership', { bold: true }),
              text(
                ' is a formal relationship between a library and a local organization or individual who have joined forces on a project, program, or initiative that supports the goals of both entities. Unlike partnerships with national organizations, a community partnership is unique to the library and its local area.',
              ),
            ],
          },
          {
            type: 'paragraph',
            children: [
              text(
                'Partnerships are not formed by simple client and contractor relationships. Although a partnership may involve payment and contracts, it is a deeper collaboration. Partners work with the library to develop a unique offering.',
              ),
            ],
          },
        ],
      },
      {
        __component: 'content.resource-box',
        title: 'IS THIS A GOOD PARTNERSHIP OPPORTUNITY?',
        intro: 'Answer these questions before launching a joint project.',
        content: null,
        kind: 'questions',
        items: [
          'Do we have a shared or complementary goal?',
          'Will we achieve this goal more easily or more effectively together?',
          'What can the library do that the partner cannot do (or cannot do as well)?',
          'What can the partner do that the library cannot do (or cannot do as well)?',
          'Does this partnership align with the library’s strategic plan?',
          'What resources are needed to achieve this goal? Who will provide them?',
        ].map((question) => ({ text: question, url: null })),
      },
      {
        __component: 'content.rich-text',
        content: [
          { type: 'paragraph', children: [text('PARTNERSHIPS BENEFIT THE COMMUNITY, TOO', { bold: true })] },
          {
            type: 'paragraph',
            children: [text('The community also benefits when libraries join forces with other organizations.')],
          },
          {
            type: 'list',
            format: 'unordered',
            children: [
              'The combined resources and knowledge of the library and its partners can provide services and programs with greater impact.',
              'When different organizations work together, they can reduce duplication and focus more efficiently on serving a wider audience, providing more options, or addressing a greater variety of needs.',
              'Working together can enhance outreach for each organization, letting more people know about what they offer.',
            ].map((line) => ({ type: 'list-item', children: [text(line)] })),
          },
        ],
      },
    ];
    expect(document.page.body).toEqual(expected);
  });

  it('produces rich text that validates as Strapi Blocks, and no warnings', () => {
    for (const block of document.page.body) {
      if (block.__component === 'content.rich-text') expect(blocksSchema.safeParse(block.content).success).toBe(true);
    }
    expect(document.warnings).toEqual([]);
  });
});

describe('Outcomes and resource boxes in the body', () => {
  it('keeps the outcomes heading as rich text, with a warning, when no list follows', () => {
    const source = jekyllSource('## Learning outcomes for this section\n\nJust prose.');
    const document = parseJekyllPage(FILE, source);
    expect(document.section.outcomes).toEqual([]);
    expect(blocksOf(document)[0]).toEqual({
      type: 'heading',
      level: 2,
      children: [text('Learning outcomes for this section')],
    });
    expect(document.warnings.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: FILE, line: lineOf(source, '## Learning') },
    ]);
    expect(document.warnings[0]?.message).toContain('not followed by a list');
  });

  it('recognizes outcomes without a lead line and with any heading level', () => {
    const document = page(
      '### LEARNING OUTCOMES FOR THIS SECTION\n\n<ul class="fancy"><li> One </li><li>Two</li></ul>',
    );
    expect(document.page.body).toEqual([
      { __component: 'content.outcomes', heading: 'LEARNING OUTCOMES FOR THIS SECTION', lead: null },
    ]);
    expect(document.section.outcomes).toEqual(['One', 'Two']);
  });

  it.each([
    { name: 'links', html: '<li><a href="https://a.example">A</a></li><li><a href="/b">B</a></li>', kind: 'links' },
    { name: 'checklist', html: '<li>Call the partner</li><li>Sign the agreement?</li>', kind: 'checklist' },
    { name: 'tip', html: '', kind: 'tip' },
  ])('infers resource box kind $kind', ({ html, kind }) => {
    const document = page(`<div class="resources">\n<span class="box-title">Box</span>\n<ul>${html}</ul>\n</div>`);
    expect(document.page.body).toHaveLength(1);
    expect(document.page.body[0]).toMatchObject({
      __component: 'content.resource-box',
      title: 'Box',
      intro: null,
      kind,
    });
  });

  it('fails with an ImportError naming the file and line for a resource box without a title', () => {
    const source = jekyllSource('Text\n\n<div class="resources">\n<p>No title</p>\n</div>');
    expect(() => parseJekyllPage(FILE, source)).toThrow(ImportError);
    expect(() => parseJekyllPage(FILE, source)).toThrow(
      `[import] ${FILE}: resource box on line ${lineOf(source, '<div')} has no title`,
    );
  });
});
