import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { findAll, stringProperty } from '../../../scripts/import/hast-query.js';
import { markdownToHast } from '../../../scripts/import/markdown-to-hast.js';
import { rewriteCibLinks } from '../../../scripts/import/rewrite-cib-links.js';
import { createWarningSink } from '../../../scripts/import/warning-sink.js';

const targets = {
  byOldPath: new Map([
    ['/modules/outreach/who-is-missing', '/modules/outreach/who-is-missing/'],
    ['/modules/outreach/who-is-missing.html', '/modules/outreach/who-is-missing/'],
    ['/modules/outreach/two-one.html', '/modules/outreach/two-one/'],
    ['/modules/outreach', '/modules/outreach/'],
  ]),
  baseurl: '/toolkit',
  fileExists: (sitePath: string) => sitePath === '/docs/here.pdf',
};
const PAGE_URLS = ['/modules/outreach/mapping-assets/', '/modules/outreach/mapping-assets.html'];

function rewrite(markdown: string): { hrefs: Array<string | null>; warnings: string[]; tree: Root } {
  const tree = markdownToHast(markdown);
  const sink = createWarningSink('page.md');
  rewriteCibLinks(tree, PAGE_URLS, targets, sink);
  const hrefs = findAll(tree, (element) => element.tagName === 'a').map((anchor) => stringProperty(anchor, 'href'));
  return { hrefs, warnings: sink.warnings.map((warning) => warning.message), tree };
}

describe('rewriteCibLinks', () => {
  it.each([
    ['relative folder', '../who-is-missing/', '/modules/outreach/who-is-missing/'],
    ['relative .html', 'two-one.html', '/modules/outreach/two-one/'],
    ['absolute', '/modules/outreach/who-is-missing/', '/modules/outreach/who-is-missing/'],
    [
      'with the base URL',
      '/toolkit/modules/outreach/who-is-missing/#step-2',
      '/modules/outreach/who-is-missing/#step-2',
    ],
    ['module home', '/toolkit/modules/outreach/', '/modules/outreach/'],
    ['external, untouched', 'https://example.org/a/', 'https://example.org/a/'],
    ['fragment, untouched', '#top', '#top'],
  ])('%s: %s becomes %s', (_name, href, expected) => {
    const { hrefs, warnings } = rewrite(`[x](${href})`);
    expect(hrefs).toEqual([expected]);
    expect(warnings).toEqual([]);
  });

  it('keeps a link that names no imported page as text, with a warning', () => {
    const { hrefs, warnings } = rewrite('[x](../gone/)');
    expect(hrefs).toEqual([null]);
    expect(warnings).toEqual([
      'link to "../gone/" names no imported page (resolved to /modules/outreach/gone/); kept as plain text',
    ]);
  });

  it('points links to files at their site path for the media step, and keeps a missing file as text', () => {
    expect(rewrite('[a](/toolkit/docs/here.pdf)')).toMatchObject({ hrefs: ['/docs/here.pdf'], warnings: [] });
    expect(rewrite('[a](/docs/gone.pdf)')).toMatchObject({
      hrefs: [null],
      warnings: ['link to missing file /docs/gone.pdf: the old site has no such file; kept as plain text'],
    });
  });

  it('leaves out a missing image, with a warning naming its path and alt text', () => {
    const { tree, warnings } = rewrite('Before ![pic](../../../toolkit/img/x.png) after');
    // No broken image on the new site.
    expect(findAll(tree, (element) => element.tagName === 'img')).toEqual([]);
    expect(warnings).toEqual([
      'image /img/x.png is missing: the old site has no such file; left out of the page (alt text "pic"), add the picture in the CMS if you have it',
    ]);
  });
});
