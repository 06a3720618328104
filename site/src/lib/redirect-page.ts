const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/**
 * The HTML of a static redirect page to `to` (a site-relative URL): an immediate meta refresh, the
 * canonical URL for search engines, `noindex` so the old address drops out of their indexes, and a
 * visible link for browsers that ignore the refresh. No script, so the site's CSP holds.
 * @param site the site's origin, for the absolute canonical URL; the link stays relative without it
 */
export function redirectPage(to: string, site: URL | undefined): string {
  const target = escapeHtml(to);
  const canonical = escapeHtml(site ? new URL(to, site).href : to);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>This page has moved</title>',
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    `<link rel="canonical" href="${canonical}">`,
    '<meta name="robots" content="noindex">',
    '</head>',
    '<body>',
    `<p>This page has moved to <a href="${target}">${target}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
