import { previewHmac, sameSignature } from './preview-link.js';

/** The cookie the preview server sets once a preview link checked out. */
export const PREVIEW_COOKIE = 'lm_preview';

/**
 * How long a preview session lasts. The admin reloads its preview frame after every save, which
 * needs the cookie, not the link; past this the frame says to open the preview again.
 */
export const PREVIEW_SESSION_TTL_MS = 2 * 60 * 60_000;

/** A session value: its expiry and an HMAC over it, `<expires>.<signature>`. */
export function signPreviewSession(secret: string, now: number = Date.now()): string {
  const expires = String(now + PREVIEW_SESSION_TTL_MS);
  return `${expires}.${previewHmac(secret, 'session', [expires])}`;
}

/** Whether a cookie value is a session this secret signed that has not expired. */
export function verifyPreviewSession(secret: string, value: string | undefined, now: number = Date.now()): boolean {
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]+)$/.exec(value ?? '');
  if (!match?.[1] || !match[2]) return false;
  const until = Number(match[1]);
  if (until <= now || until > now + PREVIEW_SESSION_TTL_MS) return false;
  return sameSignature(match[2], previewHmac(secret, 'session', [match[1]]));
}

/**
 * The Set-Cookie header for a session: HttpOnly (no script reads it), SameSite=Lax (sent inside
 * the admin's preview frame, which is same-site with the preview server, and on the first
 * navigation to it), Secure when the preview server is reached over HTTPS, for all its paths.
 */
export function previewSessionCookie(value: string, secure: boolean): string {
  const parts = [
    `${PREVIEW_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${String(Math.floor(PREVIEW_SESSION_TTL_MS / 1000))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The value of the session cookie in a Cookie header, if there is one. */
export function readPreviewCookie(header: string | undefined): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === PREVIEW_COOKIE) return rest.join('=');
  }
  return undefined;
}
