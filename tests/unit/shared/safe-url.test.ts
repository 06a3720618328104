import { describe, expect, it } from 'vitest';
import { findUnsafeUrls, isSafeUrl } from '@lm/shared';

describe('isSafeUrl', () => {
  it.each([
    ['https://example.org/guide', 'an https URL'],
    ['http://example.org', 'an http URL'],
    ['HTTPS://EXAMPLE.ORG/', 'an upper-case scheme'],
    ['mailto:help@example.org?subject=Partnerships%20question', 'a mail link'],
    ['tel:+15555550100', 'a phone link'],
    ['/modules/partnerships/two-zero/', 'a site path'],
    ['//cdn.example.org/image.png', 'a protocol-relative URL'],
    ['two-one/', 'a relative path'],
    ['../print/', 'a parent-relative path'],
    ['#learning-outcomes', 'a fragment'],
    ['?page=2', 'a query'],
    ['https://example.org/javascript:alert(1)', 'javascript: after the host'],
    ['https://example.org/?a=1&b=2', 'an ampersand that is no entity'],
    ['/sale-100%', 'a lone percent sign'],
    ['/files/annual report.pdf', 'a space inside the path'],
  ])('accepts %j (%s)', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'mixed case'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://example.org', 'a scheme not on the list'],
    ['java\tscript:alert(1)', 'a tab inside the scheme'],
    ['java\nscript:alert(1)', 'a newline inside the scheme'],
    ['\u0000javascript:alert(1)', 'a leading NUL'],
    [' javascript:alert(1)', 'a leading space'],
    ['https://example.org ', 'a trailing space'],
    ['\u00a0javascript:alert(1)', 'a leading no-break space'],
    ['javascript&colon;alert(1)', 'a named entity for the colon'],
    ['javascript&#58;alert(1)', 'a decimal entity'],
    ['javascript&#x3A;alert(1)', 'a hex entity'],
    ['&#106;avascript:alert(1)', 'an entity for the first letter'],
    ['java&Tab;script:alert(1)', 'an entity for a tab'],
    ['javascript&amp;colon;alert(1)', 'an entity encoded twice'],
    ['%20javascript:alert(1)', 'a percent-encoded leading space'],
    ['java script:alert(1)', 'a space inside the scheme'],
    ['ｊａｖａｓｃｒｉｐｔ:alert(1)', 'full-width letters'],
  ])('refuses %j (%s)', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});

describe('findUnsafeUrls', () => {
  const image = (url: string) => ({
    type: 'image',
    image: { name: 'x.png', url, formats: { thumbnail: { url: '/uploads/thumb.png' } } },
    children: [{ type: 'text', text: '' }],
  });

  it('finds links, images, image formats and resource items with their paths', () => {
    const data = {
      title: 'javascript:alert(1) in a title is only text',
      body: [
        {
          __component: 'content.rich-text',
          content: [
            { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [] }] },
            image('data:image/svg+xml,<svg onload=alert(1)>'),
            {
              ...image('/uploads/ok.png'),
              image: { url: '/uploads/ok.png', formats: { small: { url: 'vbscript:x' } } },
            },
          ],
        },
        {
          __component: 'content.resource-box',
          items: [
            { text: 'Guide', url: 'https://example.org' },
            { text: 'x', url: ' javascript:x' },
          ],
        },
      ],
    };
    expect(findUnsafeUrls(data)).toEqual([
      { path: 'body.0.content.0.children.0.url', url: 'javascript:alert(1)' },
      { path: 'body.0.content.1.image.url', url: 'data:image/svg+xml,<svg onload=alert(1)>' },
      { path: 'body.0.content.2.image.formats.small.url', url: 'vbscript:x' },
      { path: 'body.1.items.1.url', url: ' javascript:x' },
    ]);
  });

  it.each([
    [null],
    ['javascript:alert(1)'],
    [[{ type: 'link', url: 'https://example.org', children: [] }]],
    [{ items: [{ url: null }] }],
  ])('finds nothing in %j', (value) => {
    expect(findUnsafeUrls(value)).toEqual([]);
  });
});
