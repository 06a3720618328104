import type { APIRoute } from 'astro';

/** Everything is public; crawlers are pointed at the sitemap, with the site's own URL. */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('[site] robots.txt needs the site URL: set SITE_URL (astro.config.mjs reads it).');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap.xml', site).href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
