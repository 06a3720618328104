import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cibSiteDocuments, type CibSiteResult } from '../../../scripts/import/cib-site-documents.js';
import { fidelityReport } from '../../../scripts/import/fidelity-report.js';
import type { PageDocument } from '../../../scripts/import/page-document.js';
import { tempDir } from '../../helpers/temp-dir.js';

const FIXTURE = path.resolve('tests/fixtures/course-in-a-box');
const LIMIT = 1_000_000;

function page(result: CibSiteResult, slug: string): PageDocument {
  const found = result.documents.find((document) => document.page.slug === slug);
  if (!found) throw new Error(`no page ${slug}`);
  return found;
}

/** Every link URL in a page's body, in order. */
function linksOf(document: PageDocument): string[] {
  const urls: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      if ('type' in value && value.type === 'link' && 'url' in value && typeof value.url === 'string')
        urls.push(value.url);
      Object.values(value).forEach(visit);
    }
  };
  visit(document.page.body);
  return urls;
}

describe('cibSiteDocuments on the fixture site', () => {
  let result: CibSiteResult;
  beforeAll(async () => {
    result = await cibSiteDocuments(FIXTURE, LIMIT);
  });

  it('imports every module, pages in date order, numbered by section', () => {
    expect(result.errors).toEqual([]);
    expect(
      result.documents.map((document) => `${document.module.slug} ${document.page.number} ${document.page.slug}`),
    ).toEqual([
      'outreach 0.1 about-this-module',
      'outreach 1.1 who-is-missing',
      'outreach 1.2 mapping-assets',
      'outreach 2.1 first-conversation',
      'programs 0.1 programs-that-last',
      'programs 1.1 handing-over',
    ]);
  });

  it('titles modules from the landing page links, sections from their section head', () => {
    expect(page(result, 'who-is-missing').module.title).toBe('reaching new audiences');
    expect(page(result, 'handing-over').module.title).toBe('programs that last');
    expect(page(result, 'mapping-assets').section).toMatchObject({
      number: 1,
      title: 'Who Is Missing?',
      slug: 'who-is-missing',
    });
  });

  it('makes the objectives callout the outcomes of its section, shown where it stood', () => {
    const about = page(result, 'about-this-module');
    expect(about.section.outcomes).toEqual([
      'Name three groups in your town that rarely visit the library',
      'Plan a first conversation with one of them',
      'Decide how you will know whether outreach worked',
    ]);
    expect(about.page.body[0]).toEqual({
      __component: 'content.outcomes',
      heading: 'Goals for this module:',
      lead: null,
    });
  });

  it('makes other callouts resource boxes of their kind, heading as title, the rest as content', () => {
    const boxes = result.documents.flatMap((document) =>
      document.page.body.flatMap((block) =>
        block.__component === 'content.resource-box' ? [[block.kind, block.title]] : [],
      ),
    );
    expect(boxes).toEqual([
      ['videos', 'Walking the Neighborhood'],
      ['activity', 'Activity: Draw Your Own Map'],
      ['reflection', 'Reflect'],
      ['tip', 'Tip'],
      ['resources', 'Further Reading'],
    ]);
    const activity = page(result, 'mapping-assets').page.body.find(
      (block) => block.__component === 'content.resource-box',
    );
    expect(activity?.__component === 'content.resource-box' && activity.content?.map((node) => node.type)).toEqual([
      'paragraph',
      'list',
    ]);
  });

  it('rewrites links between pages to their new URLs, in every spelling', () => {
    expect(linksOf(page(result, 'who-is-missing'))).toContain('/modules/outreach/mapping-assets/');
    expect(linksOf(page(result, 'mapping-assets'))).toEqual([
      '/docs/asset-map-template.pdf',
      '/modules/outreach/who-is-missing/',
      '/modules/outreach/first-conversation/',
    ]);
    expect(linksOf(page(result, 'programs-that-last'))).toEqual(['/modules/outreach/']);
  });

  it('records the old paths, leaving out a permalink that is now a module home', () => {
    expect(page(result, 'who-is-missing').page.legacyPaths).toEqual([
      '/modules/outreach/who-is-missing.html',
      '/modules/outreach/who-is-missing/',
    ]);
    expect(page(result, 'about-this-module').page.legacyPaths).not.toContain('/modules/outreach/');
  });

  it('warns about the missing image with page, line and path, and about dropped comments', () => {
    const warning = result.warnings.find((entry) => entry.message.includes('missing-photo.jpg'));
    expect(warning).toMatchObject({
      file: path.join(FIXTURE, 'modules/outreach/_posts/2001-02-01-mapping-assets.md'),
      line: 19,
    });
    expect(warning?.message).toMatch(
      /^image \/img\/outreach\/missing-photo\.jpg is missing: the old site has no such file; left out of the page \(alt text "Old photo"\)/,
    );
    // Left out of the page, so the fidelity report lists it among what was dropped.
    const mapping = result.fidelity.find((entry) => entry.page === 'outreach/mapping-assets');
    expect(mapping?.dropped).toContainEqual(expect.stringMatching(/^line 19: image .*missing-photo\.jpg is missing/));
    expect(JSON.stringify(page(result, 'mapping-assets').page.body)).not.toContain('missing-photo');
    expect(
      result.warnings.some((warning) => warning.message.startsWith('dropped HTML comment: it hid "## An older video')),
    ).toBe(true);
  });

  it('reports words in and out: every visible word of the fixture reaches a document', () => {
    const { total } = fidelityReport(result.fidelity);
    expect(total).toEqual({ pages: 6, sourceWords: 346, documentWords: 346, dropped: total.dropped });
    expect(total.dropped).toBeGreaterThan(0);
  });
});

describe('cibSiteDocuments on a messier site', () => {
  let root: string;
  let result: CibSiteResult;
  const write = async (relative: string, text: string): Promise<void> => {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
  };
  beforeAll(async () => {
    root = await tempDir('cib-site');
    await write('_config.yml', 'baseurl: /toolkit/\npermalink: /:categories/:title/\n');
    await write('index.md', '---\n---\n[Ignored](modules/other/)\n');
    const posts = 'modules/intro-course/_posts';
    await write(
      `${posts}/2010-01-05-welcome.markdown`,
      '---\ntitle: Welcome\n---\nHello [next]({{ site.baseurl }}/modules/intro-course/first-steps/).\n',
    );
    await write(`${posts}/2010-01-06-draft.md`, '---\ntitle: Draft\npublished: false\n---\nNot yet.\n');
    await write(
      `${posts}/2010-02-01-first-steps.md`,
      '---\ntitle: First Steps\ntags: [sectionHead]\n---\n<div class="callout puzzle">\n<h3>Odd one</h3>\n<p>Body.</p>\n</div>\n\n[gone](../nowhere/) and [back](welcome.html)\n',
    );
    await write(`${posts}/2010-03-01-more.md`, '---\ntitle: More\n---\n{% include footer.html %}\nText.\n');
    await write(
      `${posts}/2010-04-01-goals.md`,
      [
        '---',
        'title: Goals',
        '---',
        '<div class="callout objectives" markdown="1">',
        '## Goals for this section:',
        '',
        '* Map the neighbourhood',
        '',
        '<iframe src="https://www.youtube.com/embed/abcDEF12345" allowfullscreen></iframe>',
        '</div>',
        '',
        'After the goals.',
        '',
      ].join('\n'),
    );
    await write('modules/intro-course/notes.md', '---\ntitle: Not a post\n---\nIgnored.\n');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  beforeAll(async () => {
    result = await cibSiteDocuments(root, LIMIT, new Map([['intro-course', 'Intro Course']]));
  });

  it('puts pages before the first section head in an opening section, numbers the rest from 1', () => {
    expect(
      result.documents.map(
        (document) =>
          `${document.section.number} ${document.section.title} ${document.page.number} ${document.page.slug}`,
      ),
    ).toEqual([
      '0 Introduction 0.1 welcome',
      '1 First Steps 1.1 first-steps',
      '1 First Steps 1.2 more',
      '1 First Steps 1.3 goals',
    ]);
  });

  it('keeps a video of an objectives callout as a video block right after the outcomes', () => {
    const goals = page(result, 'goals');
    expect(goals.page.body.map((block) => block.__component)).toEqual([
      'content.outcomes',
      'content.video',
      'content.rich-text',
    ]);
    expect(goals.page.body[1]).toMatchObject({ provider: 'youtube', videoId: 'abcDEF12345' });
    expect(goals.section.outcomes).toEqual(['Map the neighbourhood']);
    // Only the note that the iframe became a video: nothing dropped.
    expect(
      result.warnings.filter((warning) => warning.file.endsWith('goals.md')).map((warning) => warning.message),
    ).toEqual([expect.stringMatching(/^YouTube <iframe> became the video/)]);
  });

  it('skips unpublished posts with a note, ignores files outside _posts, takes --titles', () => {
    expect(
      result.warnings.some((warning) => warning.file.endsWith('draft.md') && warning.message.startsWith('skipped')),
    ).toBe(true);
    expect(result.documents.every((document) => document.module.title === 'Intro Course')).toBe(true);
  });

  it('resolves links through the base URL and relative .html forms; warns about a link to no page', () => {
    expect(linksOf(page(result, 'welcome'))).toEqual(['/modules/intro-course/first-steps/']);
    expect(linksOf(page(result, 'first-steps'))).toEqual(['/modules/intro-course/welcome/']);
    expect(
      result.warnings.some((warning) => warning.message.startsWith('link to "../nowhere/" names no imported page')),
    ).toBe(true);
  });

  it('makes an unknown callout kind a note, and reports other Liquid with its line', () => {
    const box = page(result, 'first-steps').page.body.find((block) => block.__component === 'content.resource-box');
    expect(box).toMatchObject({ kind: 'note', title: 'Odd one' });
    const liquid = result.warnings.find((warning) => warning.message.includes('{% include footer.html %}'));
    expect(liquid?.line).toBe(4);
  });
});
