/** The file that tells whoever deploys an export what it holds. */
export const EXPORT_README_FILE = 'EXPORT-README.txt';

export interface ExportSummary {
  release: string;
  files: number;
  redirects: number;
}

/** The README written into an export (plain text: static hosts serve it as it is, harmlessly). */
export function exportReadme(summary: ExportSummary): string {
  return `Learning modules: static export of release ${summary.release}

${summary.files} files of the site, copied as plain files (no symbolic links), and ${summary.redirects} old
addresses redirected. Serve this folder as the site's root on any static host or CDN.

What is here:
- index.html, modules/..., search/, _astro/ (hashed, cache for a year), pagefind/: the site.
- 404.html: the "page not found" page. Netlify and Cloudflare Pages use it by themselves; elsewhere
  set it as the error document for 404 (S3 website: ErrorDocument; nginx: error_page 404 /404.html).
- *.br and *.gz beside text files: the same file compressed with brotli and gzip. nginx sends them
  with brotli_static and gzip_static; other hosts may ignore them or compress by themselves.
- _redirects: the old addresses as permanent (301) redirects, for Netlify and Cloudflare Pages.
- .nginx-redirects.map: the same, as the body of an nginx map block (npm run nginx:config reads it).
- redirects.json: the same again, as data. Hosts without redirect rules still send readers on: each
  old address also has a small page that forwards to the new one.

Headers (the Content-Security-Policy, Cache-Control) are not in the files: set them on the host as
scripts/lib/security-headers.ts lists them, or use npm run nginx:config.
`;
}
