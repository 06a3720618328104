import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One script a page loads, with its size as served compressed. */
export interface PageScript {
  /** The file's path in the release (`/_astro/client.abc.js`), or `inline` for a script in the page. */
  name: string;
  gzipBytes: number;
}

/** Islands name their code and their framework's renderer in attributes; pages load module scripts. */
const SCRIPT_URL = /(?:component-url|renderer-url)="([^"]+)"|<script[^>]*\ssrc="([^"]+)"/g;
const INLINE_SCRIPT = /<script((?![^>]*\ssrc=)[^>]*)>([\s\S]*?)<\/script>/g;
/** Static imports in Vite's minified output: `import{a as b}from"./x.js"` and `import"./x.js"`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w${},\s*]+from\s*)?["']([^"']+\.js)["']/g;

const gzipBytes = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

/**
 * The JavaScript a page loads before anything is clicked: its inline scripts, every island's code
 * and renderer, and what they import statically (dynamic imports, such as the search index, load
 * only when used). Each file counted once, gzipped as a server would send it.
 */
export async function pageScripts(releaseDir: string, pageFile: string): Promise<PageScript[]> {
  const html = await readFile(path.join(releaseDir, pageFile), 'utf8');
  const scripts: PageScript[] = [...html.matchAll(INLINE_SCRIPT)]
    // JSON-LD is data, not code.
    .filter((match) => !(match[1] ?? '').includes('application/ld+json'))
    .map((match) => ({ name: 'inline', gzipBytes: gzipBytes(match[2] ?? '') }));
  const pending = [...html.matchAll(SCRIPT_URL)].map((match) => match[1] ?? match[2] ?? '').filter((url) => url !== '');
  const seen = new Set<string>();
  for (let url = pending.pop(); url !== undefined; url = pending.pop()) {
    if (seen.has(url) || !url.startsWith('/')) continue;
    seen.add(url);
    const code = await readFile(path.join(releaseDir, url));
    scripts.push({ name: url, gzipBytes: gzipBytes(code) });
    for (const [, specifier] of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      if (specifier !== undefined) pending.push(path.posix.resolve(path.posix.dirname(url), specifier));
    }
  }
  return scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
}
