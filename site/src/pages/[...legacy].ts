import type { APIRoute, GetStaticPaths } from 'astro';
import { contentGraph } from '../lib/content-graph';
import { legacyRedirects, type LegacyRedirect } from '../lib/legacy-redirects';
import { redirectPage } from '../lib/redirect-page';
import { renderPlan } from '../lib/render-plan';

/**
 * The file a static host serves for an old path: a folder's index.html, or the .html file itself.
 * Old paths with another extension or percent-encoding get no page (the map still has them).
 */
function fileOf(from: string): string | null {
  if (from.includes('%')) return null;
  const relative = from.slice(1);
  if (from.endsWith('/')) return `${relative}index.html`;
  if (from.endsWith('.html')) return relative;
  return /\.[^/]*$/.test(relative) ? null : `${relative}/index.html`;
}

/**
 * Whether this build writes the page for `redirect` at `file`. A file inside `modules/<slug>/` of
 * a module that exists now belongs to that module's folder, which an incremental build copies
 * from the live release when the module is unchanged (and refuses to copy over a folder that
 * exists). So it is written with its own module's render only, and depends on that module's
 * content only (the old path and the page's slug are both part of the module's digest): a
 * copied folder then already holds the right redirect pages. Files under another module's folder
 * are never written (the server's map still redirects them); files outside every module folder
 * are written by every build, like the home page.
 */
function writtenHere(
  redirect: LegacyRedirect,
  file: string,
  moduleSlugs: ReadonlySet<string>,
  renders: (slug: string) => boolean,
): boolean {
  const [top, folder, rest] = file.split('/', 3);
  if (top !== 'modules' || folder === undefined || rest === undefined || !moduleSlugs.has(folder)) return true;
  return folder === redirect.moduleSlug && renders(folder);
}

export const getStaticPaths = (async () => {
  const [redirects, modules, plan] = await Promise.all([legacyRedirects(), contentGraph(), renderPlan()]);
  const moduleSlugs = new Set(modules.map((node) => node.module.slug));
  return redirects.flatMap((redirect) => {
    const file = fileOf(redirect.from);
    if (file === null || !writtenHere(redirect, file, moduleSlugs, (slug) => plan.renders(slug))) return [];
    return [{ params: { legacy: file }, props: { to: redirect.to } }];
  });
}) satisfies GetStaticPaths;

/** A static redirect page, for hosts that cannot answer old paths with a 301 themselves. */
export const GET: APIRoute<{ to: string }> = ({ props, site }) =>
  new Response(redirectPage(props.to, site), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
