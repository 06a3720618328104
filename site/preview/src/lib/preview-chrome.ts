import { findStartTagEnd } from './find-start-tag-end';

/** The preview's own stylesheet and script, in site/preview/public (served beside Astro's files). */
export const PREVIEW_ASSETS = { style: '/_preview/preview.css', script: '/_preview/reload-on-save.js' } as const;

const escapeAttribute = (value: string): string => value.replace(/&/g, '&#38;').replace(/"/g, '&#34;');

/**
 * A rendered public page turned into its preview: `noindex` for robots, the "Draft preview" banner
 * first in the body, and the script that reloads the page when the admin (`adminOrigin`) says it
 * saved. The public templates are rendered unchanged and have no place for these, so they are put
 * in here, as fixed markup that holds no CMS text. Undefined when the page has no head or body.
 */
export function withPreviewChrome(html: string, adminOrigin: string): string | undefined {
  const headEnd = findStartTagEnd(html, 'head');
  const bodyEnd = findStartTagEnd(html, 'body');
  if (headEnd === undefined || bodyEnd === undefined || bodyEnd < headEnd) return undefined;
  const head = `<meta name="robots" content="noindex, nofollow"><link rel="stylesheet" href="${PREVIEW_ASSETS.style}">`;
  const banner =
    `<aside class="lm-preview-banner" aria-label="Draft preview" data-admin-origin="${escapeAttribute(adminOrigin)}">` +
    '<strong>Draft preview</strong> <span>Not published: this is how the page will look once it is. ' +
    'It reloads when you save in the admin.</span></aside>' +
    `<script type="module" src="${PREVIEW_ASSETS.script}"></script>`;
  return html.slice(0, headEnd) + head + html.slice(headEnd, bodyEnd) + banner + html.slice(bodyEnd);
}
