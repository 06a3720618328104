import { describe, expect, it } from 'vitest';
import {
  CONTENT_TYPE_UIDS,
  PREVIEW_LINK_TTL_MS,
  PREVIEW_SESSION_TTL_MS,
  previewLinkUrl,
  previewPathOf,
  previewSessionCookie,
  readPreviewCookie,
  signPreviewLink,
  signPreviewSession,
  verifyPreviewLink,
  verifyPreviewSession,
} from '@lm/shared';

const secret = 's'.repeat(40);
const now = 1_800_000_000_000;
const target = { uid: CONTENT_TYPE_UIDS.page, documentId: 'abc123def456ghi789jkl012' };

describe('preview links', () => {
  const link = signPreviewLink(secret, target, now);

  it('accepts a link it signed until it expires, naming what to preview', () => {
    expect(verifyPreviewLink(secret, link, now)).toEqual({ ok: true, target });
    expect(verifyPreviewLink(secret, link, now + PREVIEW_LINK_TTL_MS - 1).ok).toBe(true);
    expect(verifyPreviewLink(secret, link, now + PREVIEW_LINK_TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['another document', { documentId: 'zzz123def456ghi789jkl012' }, 'bad-signature'],
    ['another type', { uid: CONTENT_TYPE_UIDS.module }, 'bad-signature'],
    ['a later expiry', { expires: String(now + PREVIEW_LINK_TTL_MS + 60_000) }, 'bad-signature'],
    ['a changed signature', { signature: `${link.signature.slice(0, -1)}A` }, 'bad-signature'],
    ['a type the site does not show', { uid: 'plugin::users-permissions.user' }, 'malformed'],
    ['a documentId that is a path', { documentId: '../../evil' }, 'malformed'],
    ['no signature', { signature: '' }, 'missing'],
    ['no documentId', { documentId: null }, 'missing'],
  ])('refuses %s', (_what, change, reason) => {
    expect(verifyPreviewLink(secret, { ...link, ...change }, now)).toEqual({ ok: false, reason });
  });

  it('refuses a link signed with another secret', () => {
    expect(verifyPreviewLink('t'.repeat(40), link, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a link valid for longer than any it makes (only a leaked secret signs one)', () => {
    const far = signPreviewLink(secret, target, now + 60 * 60_000);
    expect(verifyPreviewLink(secret, far, now)).toEqual({ ok: false, reason: 'expired' });
  });

  it('puts the parameters on the entry route of the preview origin', () => {
    const url = new URL(previewLinkUrl('http://localhost:4323', link));
    expect(url.origin + url.pathname).toBe('http://localhost:4323/preview/enter');
    expect(Object.fromEntries(url.searchParams)).toEqual(link);
  });

  it('maps each type to its own preview path and nothing else', () => {
    expect(previewPathOf(target)).toBe('/preview/pages/abc123def456ghi789jkl012/');
    expect(previewPathOf({ uid: CONTENT_TYPE_UIDS.section, documentId: 'a1' })).toBe('/preview/sections/a1/');
    expect(previewPathOf({ uid: CONTENT_TYPE_UIDS.module, documentId: 'a1' })).toBe('/preview/modules/a1/');
    expect(() => previewPathOf({ uid: CONTENT_TYPE_UIDS.module, documentId: '//evil.example' })).toThrow(
      /not a Strapi document id/,
    );
  });
});

describe('preview sessions', () => {
  const value = signPreviewSession(secret, now);

  it('accepts a session it signed until it expires', () => {
    expect(verifyPreviewSession(secret, value, now)).toBe(true);
    expect(verifyPreviewSession(secret, value, now + PREVIEW_SESSION_TTL_MS)).toBe(false);
  });

  it.each([
    ['no cookie', undefined],
    ['an empty one', ''],
    ['a tampered expiry', value.replace(/^\d/, '9')],
    ['a tampered signature', `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`],
    ['another secret', signPreviewSession('t'.repeat(40), now)],
    ['a link signature', `${String(now + 1000)}.${signPreviewLink(secret, target, now).signature}`],
  ])('refuses %s', (_what, cookie) => {
    expect(verifyPreviewSession(secret, cookie, now)).toBe(false);
  });

  it('sets an HttpOnly, SameSite cookie that lasts the session, Secure over HTTPS', () => {
    expect(previewSessionCookie(value, false)).toBe(
      `lm_preview=${value}; Path=/; Max-Age=7200; HttpOnly; SameSite=Lax`,
    );
    expect(previewSessionCookie(value, true)).toMatch(/; Secure$/);
  });

  it('reads the session among other cookies', () => {
    expect(readPreviewCookie(`a=1; lm_preview=${value}; b=2`)).toBe(value);
    expect(readPreviewCookie('a=1')).toBeUndefined();
    expect(readPreviewCookie(undefined)).toBeUndefined();
  });
});
