import { z } from 'zod';
import type { Enum_Componentcontentvideo_Provider } from './graphql/generated/graphql.js';

/**
 * The video hosts a page may embed. The CMS defines them (cms/src/components/content/video.json);
 * `satisfies` refuses a provider the generated schema lacks.
 */
export const VIDEO_PROVIDERS = ['youtube', 'vimeo'] as const satisfies readonly Enum_Componentcontentvideo_Provider[];
export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];

/**
 * What a video id looks like on each host. The CMS field accepts either shape (a field's regex
 * cannot see the provider), so the pair is checked here, by the importer and the site's loader.
 */
export const VIDEO_ID_PATTERNS: Readonly<Record<VideoProvider, RegExp>> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^[0-9]{1,12}$/,
};

/** How to fix a wrong id, per provider. */
const ID_RULES: Readonly<Record<VideoProvider, string>> = {
  youtube: 'a YouTube id is 11 letters, digits, "-" or "_" (the v= of a watch URL)',
  vimeo: 'a Vimeo id is digits only (the number in vimeo.com/123456)',
};

/** Whole seconds, or null when the editor gave none. */
const seconds = z.number().int().nonnegative().nullable();

/**
 * The fields of a video, wherever it stands (page body or resource box), unchecked as a pair: a
 * plain object, so the page body's discriminated union can extend it. Check with {@link checkVideo}.
 */
export const videoShape = z.object({
  /** Which host plays it. */
  provider: z.enum(VIDEO_PROVIDERS),
  /** The host's id of the video: `dQw4w9WgXcQ` on YouTube, `76979871` on Vimeo. */
  videoId: z.string(),
  /** Names the video on its poster and on the player's frame (screen readers announce it). */
  title: z.string().min(1),
  /** Where playing starts, in seconds from the video's start. */
  startSeconds: seconds,
  /** Where playing stops (YouTube only; Vimeo plays on). */
  endSeconds: seconds,
  /** How long the video (or the excerpt) runs, when the page said so; shown on the poster. */
  durationSeconds: seconds,
});
export type VideoFields = z.infer<typeof videoShape>;

/** Adds an issue for an id that does not fit its provider, or an end before the start. */
export function checkVideo(video: VideoFields, context: z.RefinementCtx): void {
  if (!VIDEO_ID_PATTERNS[video.provider].test(video.videoId))
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['videoId'],
      message: `"${video.videoId}" is not a ${video.provider} video id: ${ID_RULES[video.provider]}`,
    });
  if (video.startSeconds !== null && video.endSeconds !== null && video.endSeconds <= video.startSeconds)
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['endSeconds'],
      message: `the end (${String(video.endSeconds)} s) must come after the start (${String(video.startSeconds)} s)`,
    });
}

/**
 * What is wrong with a video as an editor or a script wrote it (provider, id, start and end), or
 * null. The CMS refuses such a write with this sentence; its field rules cannot see the pair.
 */
export function videoProblem(video: {
  provider?: unknown;
  videoId?: unknown;
  startSeconds?: unknown;
  endSeconds?: unknown;
}): string | null {
  // The CMS's default, when a write leaves the provider out.
  const provider = video.provider ?? 'youtube';
  const known = VIDEO_PROVIDERS.find((name) => name === provider);
  if (known === undefined) return `the video host must be one of ${VIDEO_PROVIDERS.join(', ')}`;
  if (typeof video.videoId !== 'string' || !VIDEO_ID_PATTERNS[known].test(video.videoId))
    return `"${String(video.videoId)}" is not a ${known} video id: ${ID_RULES[known]}`;
  const { startSeconds: start, endSeconds: end } = video;
  if (typeof start === 'number' && typeof end === 'number' && end <= start)
    return `the end (${String(end)} s) must come after the start (${String(start)} s)`;
  return null;
}

/** A video's fields, checked. */
export const videoFieldsSchema = videoShape.superRefine(checkVideo);

/** A video as the site reads it from GraphQL (inside a resource box): the fields and the component's id. */
export const videoSchema = videoShape.extend({ id: z.string() }).superRefine(checkVideo);
export type Video = z.infer<typeof videoSchema>;

/** `1:05:30` or `2:00`, as video players show a length. */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const rest = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${String(hours)}:${String(minutes).padStart(2, '0')}:${rest}` : `${String(minutes)}:${rest}`;
}

/** Where the video plays on its host's own site: the link that works without JavaScript. */
export function videoWatchUrl(video: VideoFields): string {
  if (video.provider === 'vimeo')
    return `https://vimeo.com/${video.videoId}${video.startSeconds ? `#t=${String(video.startSeconds)}s` : ''}`;
  const url = new URL('https://www.youtube.com/watch');
  url.searchParams.set('v', video.videoId);
  if (video.startSeconds) url.searchParams.set('t', `${String(video.startSeconds)}s`);
  return url.toString();
}

/**
 * The privacy-enhanced player, loaded only after the learner's click (so it starts at once):
 * YouTube's no-cookie domain, Vimeo with Do Not Track. The site's Content-Security-Policy allows
 * frames from exactly these two origins.
 */
export function videoPlayerUrl(video: VideoFields): string {
  if (video.provider === 'vimeo') {
    const url = new URL(`https://player.vimeo.com/video/${video.videoId}`);
    url.searchParams.set('dnt', '1');
    url.searchParams.set('autoplay', '1');
    if (video.startSeconds) url.hash = `t=${String(video.startSeconds)}s`;
    return url.toString();
  }
  const url = new URL(`https://www.youtube-nocookie.com/embed/${video.videoId}`);
  if (video.startSeconds !== null) url.searchParams.set('start', String(video.startSeconds));
  if (video.endSeconds !== null) url.searchParams.set('end', String(video.endSeconds));
  url.searchParams.set('autoplay', '1');
  return url.toString();
}

/** The origins the player frames come from, for the Content-Security-Policy's frame-src. */
export const VIDEO_PLAYER_ORIGINS: readonly string[] = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];
