import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONTENT_TYPE_UIDS, type ContentTypeUid, isSiteContentType } from './content-types.js';

/**
 * The draft preview is reached through a link the Strapi admin makes (cms/config/admin.ts) and
 * the preview server checks (scripts/preview-server): an HMAC over what is previewed and until
 * when, with PREVIEW_SECRET, which only the two of them hold. The link is short-lived because it
 * travels through the admin's browser; once checked, the preview server hands out a session
 * cookie (see preview-session.ts) and never looks at the link again.
 */

/** How long a preview link is accepted: the admin loads it into its preview frame at once. */
export const PREVIEW_LINK_TTL_MS = 10 * 60_000;

/** The path of the preview server's entry route, which checks a link and sets the session cookie. */
export const PREVIEW_ENTRY_PATH = '/preview/enter';

/** What a preview link names: a document of a type the site shows. */
export interface PreviewTarget {
  uid: ContentTypeUid;
  documentId: string;
}

/** A link's query parameters, as the entry route reads them. */
export interface PreviewLinkParams {
  uid: string;
  documentId: string;
  /** Milliseconds since the epoch, as a decimal string. */
  expires: string;
  /** base64url HMAC-SHA256. */
  signature: string;
}

/**
 * Strapi's document ids are 24 lower-case letters and digits; anything else never reaches a path.
 * Checked here as well as by the signature, so a redirect built from a documentId stays one
 * path segment whatever was signed.
 */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/** The HMAC of one purpose ("link", "session") and its fields, with a separator no field holds. */
export function previewHmac(secret: string, purpose: string, fields: readonly string[]): string {
  return createHmac('sha256', secret)
    .update([purpose, ...fields].join('\n'))
    .digest('base64url');
}

/** Compares two signatures in constant time, so their difference cannot be timed byte by byte. */
export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The query parameters of a link to preview `target`, valid until now + PREVIEW_LINK_TTL_MS. */
export function signPreviewLink(secret: string, target: PreviewTarget, now: number = Date.now()): PreviewLinkParams {
  const expires = String(now + PREVIEW_LINK_TTL_MS);
  return {
    uid: target.uid,
    documentId: target.documentId,
    expires,
    signature: previewHmac(secret, 'link', [target.uid, target.documentId, expires]),
  };
}

/** The whole entry URL on the preview server at `previewOrigin` (no trailing slash). */
export function previewLinkUrl(previewOrigin: string, params: PreviewLinkParams): string {
  const url = new URL(PREVIEW_ENTRY_PATH, previewOrigin);
  url.search = new URLSearchParams({ ...params }).toString();
  return url.href;
}

export type PreviewLinkCheck =
  | { ok: true; target: PreviewTarget }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

/**
 * Checks a link's parameters: all present, a type the site shows and a plain document id, a
 * signature made with `secret`, and not expired (nor expiring further ahead than a link ever
 * does, which only a leaked secret could sign).
 */
export function verifyPreviewLink(
  secret: string,
  params: Partial<Record<keyof PreviewLinkParams, string | null>>,
  now: number = Date.now(),
): PreviewLinkCheck {
  const { uid, documentId, expires, signature } = params;
  if (!uid || !documentId || !expires || !signature) return { ok: false, reason: 'missing' };
  if (!isSiteContentType(uid) || !DOCUMENT_ID.test(documentId) || !/^\d{1,16}$/.test(expires)) {
    return { ok: false, reason: 'malformed' };
  }
  if (!sameSignature(signature, previewHmac(secret, 'link', [uid, documentId, expires]))) {
    return { ok: false, reason: 'bad-signature' };
  }
  const until = Number(expires);
  if (until <= now || until > now + PREVIEW_LINK_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, target: { uid, documentId } };
}

/** The preview server's own path that shows a document: one of three routes, never anything else. */
export function previewPathOf(target: PreviewTarget): string {
  if (!DOCUMENT_ID.test(target.documentId)) {
    throw new Error(`[preview] "${target.documentId}" is not a Strapi document id.`);
  }
  const kind = {
    [CONTENT_TYPE_UIDS.page]: 'pages',
    [CONTENT_TYPE_UIDS.section]: 'sections',
    [CONTENT_TYPE_UIDS.module]: 'modules',
  }[target.uid];
  return `/preview/${kind}/${target.documentId}/`;
}
