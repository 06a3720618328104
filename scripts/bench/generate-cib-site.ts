import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How large a generated course-in-a-box site is. */
export interface CibSiteShape {
  modules: number;
  /** Pages of each module; the site has `modules * pagesPerModule` pages. */
  pagesPerModule: number;
  /** A `sectionHead` page every so many pages (after the module's opening page). */
  pagesPerSection: number;
  /** One page in so many shows the site's image. */
  imageEvery: number;
}

/** One text file of the site, by its path inside the site folder. */
export interface SiteFile {
  path: string;
  text: string;
}

/** The image every generated picture shows, inside the site folder. */
export const GENERATED_IMAGE = 'img/bench/diagram.png';

const WORDS = (
  'library partner community program outreach patron volunteer budget grant literacy workshop ' +
  'youth family school museum council business network goal plan meeting agreement service ' +
  'learning maker digital story reading collection event survey feedback impact audience'
).split(' ');
const CALLOUTS = ['activity', 'tip', 'reflection', 'resources'];

/** A small deterministic generator, so every run imports the same site. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD`, `days` after 2000-01-01: the date orders a module's posts. */
function postDate(days: number): string {
  return new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A course-in-a-box site as text files: `_config.yml`, a landing page naming each module, and
 * per module dated `_posts` with an objectives callout on the opening page, `sectionHead` pages,
 * prose, a list, a callout of another kind, links to the previous page (relative) and the next
 * (with `{{ site.baseurl }}`), and now and then the site's image. Pure: the caller writes the files
 * and copies a real image to {@link GENERATED_IMAGE}.
 */
export function generateCibSite(shape: CibSiteShape, seed = 42): SiteFile[] {
  const random = seeded(seed);
  const words = (count: number): string =>
    Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'library').join(' ');
  const sentence = (count: number): string => {
    const text = words(count);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const moduleName = (index: number): string => `bench-${pad(index + 1, 2)}`;
  const postName = (index: number): string => `page-${pad(index + 1, 3)}`;
  const files: SiteFile[] = [
    {
      path: '_config.yml',
      text: 'title: Generated Toolkit\nmarkdown: kramdown\npermalink: /:categories/:title/\nbaseurl: /\n',
    },
    {
      path: 'index.md',
      text: [
        '---',
        'layout: index',
        '---',
        ...Array.from(
          { length: shape.modules },
          (_, index) => `- [Module ${String(index + 1)}](modules/${moduleName(index)}/)`,
        ),
        '',
      ].join('\n'),
    },
  ];
  for (let module = 0; module < shape.modules; module += 1) {
    const base = `/modules/${moduleName(module)}`;
    for (let page = 0; page < shape.pagesPerModule; page += 1) {
      const head = page > 0 && (page - 1) % shape.pagesPerSection === 0;
      const lines = ['---', `title: ${sentence(3).slice(0, -1)} ${String(page + 1)}`];
      if (head) lines.push("tags: ['sectionHead']");
      lines.push('---', '');
      if (page === 0)
        lines.push(
          '<div class="callout objectives" markdown="1">',
          '## Goals for this module:',
          '',
          ...[1, 2, 3].map(() => `* ${sentence(6)}`),
          '</div>',
          '',
        );
      lines.push(`${sentence(14)} ${sentence(10)} ${sentence(12)}`, '', `## ${sentence(4).slice(0, -1)}`, '');
      lines.push(...[1, 2, 3].map(() => `* ${sentence(5)}`), '');
      if (page % shape.imageEvery === 0)
        lines.push(`![A diagram of step ${String(page + 1)}]({{ site.baseurl }}/${GENERATED_IMAGE})`, '');
      const kind = CALLOUTS[page % CALLOUTS.length] ?? 'tip';
      lines.push(
        `<div class="callout ${kind}" markdown="1">`,
        `## ${sentence(3).slice(0, -1)}`,
        '',
        sentence(12),
        '</div>',
        '',
      );
      const links: string[] = [];
      if (page > 0) links.push(`Back to [the previous page](../${postName(page - 1)}/)`);
      if (page + 1 < shape.pagesPerModule)
        links.push(`on to [the next page]({{ site.baseurl }}${base}/${postName(page + 1)}/)`);
      if (links.length > 0) lines.push(`${links.join(', or ')}.`, '');
      files.push({
        path: `modules/${moduleName(module)}/_posts/${postDate(page)}-${postName(page)}.md`,
        text: lines.join('\n'),
      });
    }
  }
  return files;
}

/** Writes the generated site into `dir` (an empty folder) with `image` copied to its image path. */
export async function writeCibSite(dir: string, shape: CibSiteShape, image: string): Promise<number> {
  const files = generateCibSite(shape);
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.text);
  }
  await mkdir(path.dirname(path.join(dir, GENERATED_IMAGE)), { recursive: true });
  await copyFile(image, path.join(dir, GENERATED_IMAGE));
  return files.filter((file) => file.path.includes('/_posts/')).length;
}
