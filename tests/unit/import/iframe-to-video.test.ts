import { describe, expect, it } from 'vitest';
import { parseCibPost } from '../../../scripts/import/parse-cib-post.js';
import { hastToBody } from '../../../scripts/import/hast-to-body.js';
import { parseTimestamp, parseVideoUrl } from '../../../scripts/import/parse-video-url.js';
import { documentWords } from '../../../scripts/import/document-words.js';
import { countWords } from '../../../scripts/import/parse-cib-post.js';

const FILE = 'modules/outreach/_posts/2001-01-01-videos.md';
const SITE = new Map<string, string>([['baseurl', '']]);

/** A course-in-a-box post with this body, read and converted as the importer does. */
function convert(body: string): ReturnType<typeof hastToBody> & { postWarnings: string[]; sourceWords: number } {
  const post = parseCibPost(FILE, `---\ntitle: Videos\n---\n${body}\n`, 'Videos', SITE);
  return {
    ...hastToBody(post.tree, FILE),
    postWarnings: post.warnings.map((warning) => `${String(warning.line)}: ${warning.message}`),
    sourceWords: post.sourceWords,
  };
}

describe('parseVideoUrl', () => {
  it.each([
    ['https://www.youtube.com/embed/abcDEF12345?start=30&end=150', 'youtube', 'abcDEF12345', 30, 150],
    ['//www.youtube.com/embed/abcDEF12345', 'youtube', 'abcDEF12345', null, null],
    ['https://www.youtube-nocookie.com/embed/a_b-c_d-e_f?rel=0', 'youtube', 'a_b-c_d-e_f', null, null],
    ['https://youtu.be/abcDEF12345?t=1m30s', 'youtube', 'abcDEF12345', 90, null],
    ['https://www.youtube.com/watch?v=abcDEF12345&t=45', 'youtube', 'abcDEF12345', 45, null],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'vimeo', '76979871', null, null],
    ['https://player.vimeo.com/video/76979871#t=1m5s', 'vimeo', '76979871', 65, null],
    ['https://vimeo.com/76979871', 'vimeo', '76979871', null, null],
  ])('%s is %s %s from %s to %s', (url, provider, videoId, startSeconds, endSeconds) => {
    expect(parseVideoUrl(url)).toEqual({ provider, videoId, startSeconds, endSeconds });
  });

  it.each([
    'https://www.youtube.com/embed/short',
    'https://www.youtube.com/embed/abcDEF12345678',
    'https://www.youtube.com/embed/abc$EF12345',
    'https://player.vimeo.com/video/abc',
    'https://h5p.org/h5p/embed/617',
    'https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true',
    'https://evil.example/www.youtube.com/embed/abcDEF12345',
    'not a url at all',
  ])('refuses %s', (url) => {
    expect(parseVideoUrl(url)).toBeNull();
  });

  it.each([
    ['90', 90],
    ['90s', 90],
    ['1m30s', 90],
    ['1h2m3s', 3723],
    ['1:30', 90],
    ['', null],
    ['soon', null],
  ])('reads the timestamp %j as %j', (text, seconds) => {
    expect(parseTimestamp(text)).toBe(seconds);
  });
});

describe('iframes in a course-in-a-box page', () => {
  it('turns a YouTube embed in a videos callout into a video of the box, titled by its heading, with the stated length', () => {
    const converted = convert(
      [
        '<div class="callout videos" markdown="1">',
        '## Walking the Neighborhood',
        '<iframe src="https://www.youtube.com/embed/abcDEF12345?start=30&end=150" frameborder="0" allowfullscreen></iframe>',
        '<div class="videotime">2:00</div>',
        '',
        'An excerpt from a longer talk.',
        '</div>',
      ].join('\n'),
    );
    const [box] = converted.body;
    expect(box).toMatchObject({
      __component: 'content.resource-box',
      kind: 'videos',
      title: 'Walking the Neighborhood',
    });
    expect(converted.body).toHaveLength(2);
    expect(converted.body[1]).toEqual({
      __component: 'content.video',
      provider: 'youtube',
      videoId: 'abcDEF12345',
      title: 'Walking the Neighborhood',
      startSeconds: 30,
      endSeconds: 150,
      durationSeconds: 120,
    });
    // The length went into the video, the rest of the callout stays its content.
    expect(JSON.stringify(box)).not.toContain('2:00');
    expect(JSON.stringify(box)).not.toContain('abcDEF12345');
    expect(JSON.stringify(box)).toContain('An excerpt from a longer talk.');
    expect(converted.postWarnings).toEqual([
      '6: YouTube <iframe> became the video "Walking the Neighborhood" (abcDEF12345, 2:00 long; title from the heading above it)',
    ]);
    // Every word of the source reached the document: the stated length is shown on the poster.
    expect(countWords(documentWords(converted.body, []))).toBe(converted.sourceWords);
  });

  it('keeps every video of a callout of several, in order, right after the box', () => {
    const converted = convert(
      [
        '<div class="callout videos" markdown="1">',
        '## Two Talks',
        '<iframe src="https://www.youtube.com/embed/abcDEF12345" title="First talk"></iframe>',
        '',
        '<iframe src="https://player.vimeo.com/video/76979871" title="Second talk"></iframe>',
        '</div>',
        '',
        'After the box.',
      ].join('\n'),
    );
    expect(converted.body.map((block) => block.__component)).toEqual([
      'content.resource-box',
      'content.video',
      'content.video',
      'content.rich-text',
    ]);
    expect(converted.body[1]).toMatchObject({ title: 'First talk', provider: 'youtube' });
    expect(converted.body[2]).toMatchObject({ title: 'Second talk', provider: 'vimeo', videoId: '76979871' });
  });

  it('puts a Vimeo embed of the page body in its place, titled by its title attribute', () => {
    const converted = convert(
      [
        'Before the video.',
        '',
        '<iframe src="https://player.vimeo.com/video/76979871" title="A day at the branch"></iframe>',
        '',
        'After the video.',
      ].join('\n'),
    );
    expect(converted.body.map((block) => block.__component)).toEqual([
      'content.rich-text',
      'content.video',
      'content.rich-text',
    ]);
    expect(converted.body[1]).toEqual({
      __component: 'content.video',
      provider: 'vimeo',
      videoId: '76979871',
      title: 'A day at the branch',
      startSeconds: null,
      endSeconds: null,
      durationSeconds: null,
    });
  });

  it('splits a paragraph around an embed that Markdown put inside it', () => {
    const converted = convert(
      'Watch this first:\n<iframe src="https://youtu.be/abcDEF12345" title="First steps"></iframe> (12 min)\nThen read on.',
    );
    expect(converted.body.map((block) => block.__component)).toEqual([
      'content.rich-text',
      'content.video',
      'content.rich-text',
    ]);
    expect(converted.body[1]).toMatchObject({ title: 'First steps', durationSeconds: 720 });
    const text = JSON.stringify(converted.body);
    expect(text.indexOf('Watch this first:')).toBeLessThan(text.indexOf('Then read on.'));
  });

  it('keeps other embeds (H5P, forms) as links, never as embeds, with a warning each', () => {
    const converted = convert(
      [
        '<iframe src="https://h5p.org/h5p/embed/617" title="Quiz: who is missing?"></iframe>',
        '',
        '<iframe src="https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true"></iframe>',
      ].join('\n'),
    );
    const text = JSON.stringify(converted.body);
    expect(text).not.toContain('iframe');
    expect(converted.body).toEqual([
      {
        __component: 'content.rich-text',
        content: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: 'https://h5p.org/h5p/embed/617',
                children: [{ type: 'text', text: 'Quiz: who is missing?' }],
              },
            ],
          },
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: 'https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true',
                children: [{ type: 'text', text: 'Embedded content from docs.google.com' }],
              },
            ],
          },
        ],
      },
    ]);
    expect(converted.postWarnings).toEqual([
      '4: <iframe> from h5p.org kept as the link "Quiz: who is missing?": the site embeds only YouTube and Vimeo videos; check the link works on its own',
      '6: <iframe> from docs.google.com kept as the link "Embedded content from docs.google.com": the site embeds only YouTube and Vimeo videos; check the link works on its own',
    ]);
  });

  it('keeps a video inside a list item as a link to it, with a warning', () => {
    const converted = convert(
      '* Watch <iframe src="https://www.youtube.com/embed/abcDEF12345" title="Intro"></iframe>',
    );
    const text = JSON.stringify(converted.body);
    expect(text).toContain('https://www.youtube.com/watch?v=abcDEF12345');
    expect(converted.body.map((block) => block.__component)).toEqual(['content.rich-text']);
    expect(converted.postWarnings.join('\n')).toContain('kept as a link to it');
  });

  it('drops an embed whose address is not a web address', () => {
    const converted = convert('Text.\n\n<iframe src="javascript:alert(1)"></iframe>');
    expect(JSON.stringify(converted.body)).not.toContain('javascript');
    expect(converted.postWarnings.join('\n')).toContain('dropped <iframe>');
  });
});
