import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { escape } from 'html-escaper';
import { moduleUrl } from '@lm/shared';
import type { ReleaseContents } from './release-contents.js';

/** How many problems the error names before it only counts the rest. */
const SHOWN = 20;

/** The file a URL such as `/modules/a/b/` is served from. */
const fileOf = (url: string): string => path.join(...url.split('/').filter(Boolean), 'index.html');

/** The file's text, or null when there is none. */
const readText = (file: string): Promise<string | null> =>
  readFile(file, 'utf8').then(
    (text) => text,
    () => null,
  );

/** Counts the HTML files under `dir`. */
async function countHtmlFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/**
 * Checks a built release against the content it was built from, before it may go live: the home
 * page, the 404 page, every published module's page, and every reachable published page's file with
 * its title in it (escaped as Astro escapes text). Throws with the list of what is missing or wrong;
 * returns the number of HTML files.
 */
export async function verifyRelease(dir: string, expected: ReleaseContents): Promise<number> {
  const problems: string[] = [];
  const required = ['index.html', '404.html', ...expected.moduleSlugs.map((slug) => fileOf(moduleUrl(slug)))];
  for (const file of required) {
    if ((await readText(path.join(dir, file))) === null) problems.push(`missing ${file}`);
  }
  for (const page of expected.pages) {
    const html = await readText(path.join(dir, fileOf(page.url)));
    if (html === null) problems.push(`missing ${page.url} ("${page.title}")`);
    else if (!html.includes(escape(page.title))) problems.push(`${page.url} does not show its title "${page.title}"`);
  }
  if (problems.length > 0) {
    const more = problems.length > SHOWN ? `, and ${String(problems.length - SHOWN)} more` : '';
    throw new Error(
      `[rebuild] The new release does not match the published content, so it was not deployed (${String(problems.length)} problems): ` +
        `${problems.slice(0, SHOWN).join('; ')}${more}. The live release stays; /status keeps this list.`,
    );
  }
  return countHtmlFiles(dir);
}
