import type { APIRoute } from 'astro';
import { homeUrl, moduleUrl, pageUrl } from '@lm/shared';
import { contentGraph } from '../lib/content-graph';
import { sitemapXml, type SitemapEntry } from '../lib/sitemap-xml';

/**
 * The sitemap, rendered by every build from the whole content graph: it lies outside the module
 * folders, so it lists the pages of modules an incremental build copied rather than rendered.
 * Print pages are left out; they repeat the pages listed here.
 */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('[site] The sitemap needs the site URL: set SITE_URL (astro.config.mjs reads it).');
  const modules = await contentGraph();
  const entries: SitemapEntry[] = [
    { url: homeUrl() },
    ...modules.flatMap(({ module, sections }) => [
      { url: moduleUrl(module.slug) },
      ...sections.flatMap(({ pages }) =>
        pages.map((page) => ({ url: pageUrl(module.slug, page.slug), lastModified: page.updatedAt })),
      ),
    ]),
  ];
  return new Response(sitemapXml(entries, site), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
