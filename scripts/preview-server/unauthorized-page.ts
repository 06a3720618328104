/** Why the preview server refused, in words for an editor. */
export type RefusalReason = 'no-session' | 'missing' | 'malformed' | 'bad-signature' | 'expired';

const EXPLANATIONS: Record<RefusalReason, string> = {
  'no-session': 'This address shows drafts, and this browser has no preview session (or it ended).',
  missing: 'The preview link is incomplete.',
  malformed: 'The preview link does not name something the site shows.',
  'bad-signature': 'The preview link was not made by this site’s admin, or it was changed on the way.',
  expired: 'The preview link has expired: links are valid for a few minutes.',
};

/**
 * The 401 page: plain, self-contained (no script, no style, so the strict policy holds) and without
 * anything from the CMS, since whoever sees it may see no draft.
 */
export function unauthorizedPage(reason: RefusalReason): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow"><title>Preview not available</title></head>',
    '<body>',
    '<main>',
    '<h1>Preview not available</h1>',
    `<p>${EXPLANATIONS[reason]}</p>`,
    '<p>Open the entry in the Strapi admin and choose <strong>Preview</strong> to see it again.</p>',
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
