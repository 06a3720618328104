import { describe, expect, it } from 'vitest';
import {
  bodyBlockSchema,
  formatDuration,
  videoFieldsSchema,
  videoPlayerUrl,
  videoWatchUrl,
  type VideoFields,
} from '@lm/shared';
import { SECURITY_HEADERS } from '../../../scripts/lib/security-headers.js';
import { previewHeaders } from '../../../scripts/preview-server/preview-headers.js';

const youtube: VideoFields = {
  provider: 'youtube',
  videoId: 'abcDEF12345',
  title: 'Walking the Neighborhood',
  startSeconds: 30,
  endSeconds: 150,
  durationSeconds: 120,
};
const vimeo: VideoFields = { ...youtube, provider: 'vimeo', videoId: '76979871', endSeconds: null };

/** The sources of one directive of a Content-Security-Policy. */
const directive = (policy: string, name: string): string[] =>
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name)
    ?.slice(1) ?? [];

describe('a video', () => {
  it.each([
    ['youtube', 'abcDEF12345', true],
    ['youtube', 'a_b-c_d-e_f', true],
    ['youtube', '76979871', false],
    ['youtube', 'abcDEF1234', false],
    ['youtube', 'abcDEF12345"', false],
    ['vimeo', '76979871', true],
    ['vimeo', 'abcDEF12345', false],
  ] as const)('from %s with id %j is valid: %s', (provider, videoId, valid) => {
    expect(videoFieldsSchema.safeParse({ ...youtube, provider, videoId, endSeconds: null }).success).toBe(valid);
  });

  it('must end after it starts, and says how to fix an id', () => {
    const result = videoFieldsSchema.safeParse({ ...youtube, videoId: 'nope', endSeconds: 10 });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'videoId: "nope" is not a youtube video id: a YouTube id is 11 letters, digits, "-" or "_" (the v= of a watch URL)',
      'endSeconds: the end (10 s) must come after the start (30 s)',
    ]);
  });

  it('is checked in the page body too', () => {
    const block = { __typename: 'ComponentContentVideo', id: '1', ...youtube };
    expect(bodyBlockSchema.safeParse(block).success).toBe(true);
    expect(bodyBlockSchema.safeParse({ ...block, provider: 'vimeo' }).success).toBe(false);
  });

  it('plays in the privacy-enhanced players, from its start to its end', () => {
    expect(videoPlayerUrl(youtube)).toBe(
      'https://www.youtube-nocookie.com/embed/abcDEF12345?start=30&end=150&autoplay=1',
    );
    expect(videoPlayerUrl({ ...youtube, startSeconds: null, endSeconds: null })).toBe(
      'https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1',
    );
    expect(videoPlayerUrl(vimeo)).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=30s');
  });

  it('links to its page on the host', () => {
    expect(videoWatchUrl(youtube)).toBe('https://www.youtube.com/watch?v=abcDEF12345&t=30s');
    expect(videoWatchUrl(vimeo)).toBe('https://vimeo.com/76979871#t=30s');
  });

  it.each([
    [5, '0:05'],
    [120, '2:00'],
    [3723, '1:02:03'],
  ])('lasting %i s reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('the Content-Security-Policy', () => {
  it('frames exactly the two video players, on the site and in the preview', () => {
    const expected = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];
    expect(directive(SECURITY_HEADERS['Content-Security-Policy'] ?? '', 'frame-src')).toEqual(expected);
    expect(directive(previewHeaders('http://localhost:1337')['Content-Security-Policy'] ?? '', 'frame-src')).toEqual(
      expected,
    );
    // No child-src or wildcard that would widen it.
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toMatch(/child-src|frame-src[^;]*\*/);
  });
});
