import { describe, expect, it } from 'vitest';
import { findStartTagEnd } from '../../../site/preview/src/lib/find-start-tag-end.js';
import { withPreviewChrome } from '../../../site/preview/src/lib/preview-chrome.js';

/** A page as Astro writes one, with CMS text that looks like tags where Astro leaves `<` alone. */
const page = (description: string, title = 'A page'): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<meta name="description" content="${description}">` +
  '<script type="application/ld+json">{"name":"x"}</script>' +
  '<!-- <body> in a comment --></head><body><a class="skip-link" href="#main">Skip</a><main id="main">words</main></body></html>';

describe('findStartTagEnd', () => {
  it('finds the real body tag, not text that looks like one in an attribute or a comment', () => {
    const html = page('<body> and </head><body class=&#34;x&#34;>');
    const end = findStartTagEnd(html, 'body');
    expect(html.slice(0, end)).toMatch(/--><\/head><body>$/);
  });

  it('skips the raw text of scripts', () => {
    const html = '<html><head><script>const a = "<body>";</script></head><body id="real"></body></html>';
    expect(html.slice(0, findStartTagEnd(html, 'body'))).toMatch(/<body id="real">$/);
  });

  it('says undefined when there is no such tag or the markup is broken', () => {
    expect(findStartTagEnd('<html><head></head></html>', 'body')).toBeUndefined();
    expect(findStartTagEnd('<html><head><script>never closed', 'body')).toBeUndefined();
  });
});

describe('withPreviewChrome', () => {
  const admin = 'http://localhost:1337';

  it('adds noindex and the stylesheet at the start of the head, and the banner and script first in the body', () => {
    const html = withPreviewChrome(page('<body>'), admin) ?? '';
    expect(html).toMatch(
      /<html lang="en"><head><meta name="robots" content="noindex, nofollow"><link rel="stylesheet" href="\/_preview\/preview.css"><meta charset/,
    );
    expect(html).toContain('content="<body>">');
    expect(html).toMatch(
      /<\/head><body><aside class="lm-preview-banner" aria-label="Draft preview" data-admin-origin="http:\/\/localhost:1337"><strong>Draft preview<\/strong>.*<\/aside><script type="module" src="\/_preview\/reload-on-save.js"><\/script><a class="skip-link"/,
    );
  });

  it('escapes the admin origin in its attribute', () => {
    expect(withPreviewChrome(page('x'), 'http://a"b&c')).toContain('data-admin-origin="http://a&#34;b&#38;c"');
  });

  it('gives up on a page without head or body', () => {
    expect(withPreviewChrome('<p>fragment</p>', admin)).toBeUndefined();
  });
});
