import { VIDEO_ID_PATTERNS, type VideoProvider } from '@lm/shared';

/** Where a video URL points: the host's video and the stretch of it the page plays. */
export interface VideoLocation {
  provider: VideoProvider;
  videoId: string;
  startSeconds: number | null;
  endSeconds: number | null;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/**
 * `90`, `90s`, `1m30s`, `1h2m3s` or `1:30` as seconds; null for anything else. YouTube and Vimeo
 * accept these spellings in `start`, `t` and `#t=`.
 */
export function parseTimestamp(value: string | null): number | null {
  if (value === null) return null;
  const text = value.trim().toLowerCase();
  if (/^\d+s?$/.test(text)) return Number.parseInt(text, 10);
  const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (units && text !== '') return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

/**
 * Reads a YouTube or Vimeo address as written in an embed or a link: `youtube.com/embed/ID`,
 * `youtube-nocookie.com/embed/ID`, `youtu.be/ID`, `youtube.com/watch?v=ID`,
 * `player.vimeo.com/video/ID`, `vimeo.com/ID`, with `start`/`end`/`t` as given. Null when the
 * address is not one of these or its id does not have the host's shape.
 */
export function parseVideoUrl(src: string): VideoLocation | null {
  let url: URL;
  try {
    // Embeds are often protocol-relative (`//www.youtube.com/embed/…`).
    url = new URL(src.trim(), 'https://invalid.example/');
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const hashTime = new URLSearchParams(url.hash.slice(1)).get('t');
  if (YOUTUBE_HOSTS.has(host) || host === 'youtu.be') {
    const videoId =
      host === 'youtu.be'
        ? segments[0]
        : segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live'
          ? segments[1]
          : segments[0] === 'watch'
            ? (url.searchParams.get('v') ?? undefined)
            : undefined;
    if (videoId === undefined || !VIDEO_ID_PATTERNS.youtube.test(videoId)) return null;
    return {
      provider: 'youtube',
      videoId,
      startSeconds: parseTimestamp(url.searchParams.get('start') ?? url.searchParams.get('t') ?? hashTime),
      endSeconds: parseTimestamp(url.searchParams.get('end')),
    };
  }
  if (VIMEO_HOSTS.has(host)) {
    const videoId = host === 'player.vimeo.com' ? (segments[0] === 'video' ? segments[1] : undefined) : segments[0];
    if (videoId === undefined || !VIDEO_ID_PATTERNS.vimeo.test(videoId)) return null;
    return { provider: 'vimeo', videoId, startSeconds: parseTimestamp(hashTime), endSeconds: null };
  }
  return null;
}
