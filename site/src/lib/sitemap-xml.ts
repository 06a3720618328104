/** One URL of the sitemap. */
export interface SitemapEntry {
  /** A site path such as `/modules/partnerships/`. */
  url: string;
  /** An ISO date, when the content has one. */
  lastModified?: string | null | undefined;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);

/** A sitemaps.org `urlset` with absolute URLs on `site`. */
export function sitemapXml(entries: readonly SitemapEntry[], site: URL): string {
  const urls = entries.map(({ url, lastModified }) => {
    const lastmod = lastModified ? `<lastmod>${escapeXml(lastModified)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(new URL(url, site).href)}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
