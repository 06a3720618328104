import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { legacyPathKey, moduleUrl, pageUrl, slugify, SLUG_PATTERN } from '@lm/shared';
import { cibModuleTitles } from './cib-module-titles.js';
import { countWords, parseCibPost, type CibPost } from './parse-cib-post.js';
import { documentWords } from './document-words.js';
import type { PageFidelity } from './fidelity-report.js';
import { hastToBody } from './hast-to-body.js';
import { ImportError } from './import-error.js';
import type { ImportProgress } from './import-progress.js';
import { jekyllOldPaths } from './jekyll-old-paths.js';
import { pageDocumentSchema, type ImportWarning, type PageDocument } from './page-document.js';
import { readCibSite, type CibPostFile } from './read-cib-site.js';
import { readPageSource } from './read-page-source.js';
import { rewriteCibLinks, type CibLinkTargets } from './rewrite-cib-links.js';
import { createWarningSink } from './warning-sink.js';

/** Everything a course-in-a-box site yields, before planning. */
export interface CibSiteResult {
  documents: PageDocument[];
  warnings: ImportWarning[];
  errors: ImportError[];
  fidelity: PageFidelity[];
}

/** A post read and placed: its module, section and numbers, and the URLs it had. */
interface PlacedPost {
  post: CibPost;
  moduleSlug: string;
  moduleTitle: string;
  pageSlug: string;
  section: { number: number; title: string; slug: string };
  number: string;
  /** Where the old site served it (template or front-matter permalink), folder and `.html` forms. */
  oldUrls: string[];
}

/**
 * Reads a whole course-in-a-box site into one page document per published post. Pages are ordered
 * by the date in their file name; a `sectionHead` page opens a section titled after it, pages
 * before the first one form an opening "Introduction" section. Sections are numbered from 0 when the
 * module opens with an introduction (an opening section, or a first page served at the module's
 * home), else from 1, and pages from 1 within their section. Links between pages are resolved once
 * every page is read.
 * @param titles module titles that override the landing page's (`--titles`)
 * @param progress counts the posts read, in its reading phase
 */
export async function cibSiteDocuments(
  root: string,
  sourceLimit: number,
  titles: ReadonlyMap<string, string> = new Map(),
  progress?: ImportProgress,
): Promise<CibSiteResult> {
  const site = await readCibSite(root);
  progress?.start('reading', site.modules.reduce((sum, module) => sum + module.posts.length, 0));
  const result: CibSiteResult = { documents: [], warnings: [], errors: [], fidelity: [] };
  const landingTitles = site.landingPage
    ? cibModuleTitles(site.landingPage, readFileSync(site.landingPage, 'utf8'), site.site)
    : new Map<string, string>();
  const placed: PlacedPost[] = [];
  for (const module of site.modules) {
    if (!SLUG_PATTERN.test(module.slug)) {
      result.errors.push(
        new ImportError(
          path.join(root, 'modules', module.slug),
          'module folder name is not a slug (lower-case words joined by hyphens); rename it',
        ),
      );
      continue;
    }
    const posts: Array<{ file: CibPostFile; post: CibPost }> = [];
    for (const file of module.posts) {
      progress?.advance('reading');
      try {
        const source = await readPageSource(file.file, sourceLimit);
        const post = parseCibPost(file.file, source, titleFromName(file.name), site.site);
        if (!post.published) {
          result.warnings.push({
            file: file.file,
            message: 'skipped: "published: false", the old site did not show it',
          });
          continue;
        }
        posts.push({ file, post });
      } catch (error) {
        result.errors.push(
          error instanceof ImportError ? error : new ImportError(file.file, 'cannot be parsed', { cause: error }),
        );
      }
    }
    const first = posts[0];
    if (!first) continue;
    const moduleTitle = titles.get(module.slug) ?? landingTitles.get(module.slug) ?? first.post.title;
    const opensWithIntroduction =
      !first.post.sectionHead ||
      (first.post.permalink !== null && legacyPathKey(first.post.permalink) === legacyPathKey(moduleUrl(module.slug)));
    let sectionNumber = opensWithIntroduction ? -1 : 0;
    let section = { number: 0, title: 'Introduction', slug: 'introduction' };
    let pageIndex = 0;
    const sectionSlugs = new Set<string>();
    for (const [index, { file, post }] of posts.entries()) {
      if (post.sectionHead || index === 0) {
        sectionNumber += 1;
        const title = post.sectionHead ? post.title : 'Introduction';
        let slug = slugify(title) || `section-${sectionNumber}`;
        if (sectionSlugs.has(slug)) slug = `${slug}-${sectionNumber}`;
        sectionSlugs.add(slug);
        section = { number: sectionNumber, title, slug };
        pageIndex = 0;
      }
      pageIndex += 1;
      placed.push({
        post,
        moduleSlug: module.slug,
        moduleTitle,
        pageSlug: slugify(file.name),
        section,
        number: `${section.number}.${pageIndex}`,
        oldUrls: oldUrlsOf(site.permalink, post.permalink, module.slug, file),
      });
    }
  }
  const byOldPath = new Map<string, string>();
  for (const entry of placed) {
    for (const url of servedForms(entry.oldUrls))
      byOldPath.set(legacyPathKey(url), pageUrl(entry.moduleSlug, entry.pageSlug));
  }
  // A module's home wins over the page that was served there: the new site has a home of its own.
  for (const slug of new Set(placed.map((entry) => entry.moduleSlug))) {
    byOldPath.set(legacyPathKey(moduleUrl(slug)), moduleUrl(slug));
    byOldPath.set(legacyPathKey(`${moduleUrl(slug)}index.html`), moduleUrl(slug));
  }
  const targets = {
    byOldPath,
    baseurl: site.site.get('baseurl') ?? '',
    fileExists: (sitePath: string) => existsSync(path.join(root, sitePath)),
  };
  const converted = placed.map((entry) => convert(entry, targets));
  // One section's outcomes may come from several pages: all of its pages carry the whole list.
  const outcomes = new Map<string, string[]>();
  for (const { entry, body } of converted) {
    const key = `${entry.moduleSlug}/${entry.section.slug}`;
    outcomes.set(key, [...(outcomes.get(key) ?? []), ...body.outcomes]);
  }
  for (const { entry, body, warnings, legacyPaths } of converted) {
    const document = {
      file: entry.post.file,
      module: { slug: entry.moduleSlug, title: entry.moduleTitle },
      section: { ...entry.section, outcomes: outcomes.get(`${entry.moduleSlug}/${entry.section.slug}`) ?? [] },
      page: { number: entry.number, title: entry.post.title, slug: entry.pageSlug, body: body.body, legacyPaths },
      warnings: warnings.sort((left, right) => (left.line ?? 0) - (right.line ?? 0)),
    };
    const parsed = pageDocumentSchema.safeParse(document);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      result.errors.push(
        new ImportError(
          entry.post.file,
          `the converted page is not valid for Strapi (${problems}); please report this with the file`,
          {
            cause: parsed.error,
          },
        ),
      );
      continue;
    }
    result.documents.push(parsed.data);
    result.warnings.push(...parsed.data.warnings);
    result.fidelity.push({
      file: entry.post.file,
      page: `${entry.moduleSlug}/${entry.pageSlug}`,
      sourceWords: entry.post.sourceWords,
      documentWords: countWords(documentWords(parsed.data.page.body, body.outcomes)),
      dropped: parsed.data.warnings.map(
        (warning) => `${warning.line ? `line ${warning.line}: ` : ''}${warning.message}`,
      ),
    });
  }
  return result;
}

function convert(entry: PlacedPost, targets: CibLinkTargets) {
  const sink = createWarningSink(entry.post.file);
  const pageUrls = servedForms(entry.oldUrls);
  rewriteCibLinks(entry.post.tree, pageUrls, targets, sink);
  const body = hastToBody(entry.post.tree, entry.post.file);
  const warnings = [...entry.post.warnings, ...sink.warnings, ...body.warnings];
  if (entry.post.attributeLists > 0) {
    warnings.push({
      file: entry.post.file,
      message: `removed ${entry.post.attributeLists} kramdown attribute list(s) such as {:target="_blank"}: styling only`,
    });
  }
  const oldPaths = jekyllOldPaths({
    file: entry.post.file,
    moduleSlug: entry.moduleSlug,
    pageSlug: entry.pageSlug,
    permalink: entry.oldUrls[0],
  });
  const home = legacyPathKey(moduleUrl(entry.moduleSlug));
  const legacyPaths = oldPaths.paths.filter((oldPath) => {
    if (legacyPathKey(oldPath) !== home) return true;
    warnings.push({
      file: entry.post.file,
      message: `old address ${oldPath} not kept: it is the module's home on the new site`,
    });
    return false;
  });
  for (const reason of oldPaths.dropped)
    warnings.push({ file: entry.post.file, message: `old address not kept: ${reason}` });
  return { entry, body, warnings, legacyPaths };
}

/**
 * The URLs the old site served a post at: its front-matter `permalink`, else `_config.yml`'s
 * template, with `:categories` the folders above `_posts` (`modules/<module>`), as Jekyll does.
 */
function oldUrlsOf(template: string, permalink: string | null, moduleSlug: string, file: CibPostFile): string[] {
  const [year = '', month = '', day = ''] = file.date.split('-');
  const expand = (pattern: string): string =>
    `/${pattern
      .replace(/:categories\b/g, `modules/${moduleSlug}`)
      .replace(/:(title|slug|name)\b/g, file.name)
      .replace(/:year\b/g, year)
      .replace(/:month\b/g, month)
      .replace(/:day\b/g, day)
      .replace(/:output_ext\b/g, '.html')}`.replace(/\/{2,}/g, '/');
  const templateUrl = expand(template === 'pretty' ? '/:categories/:year/:month/:day/:title/' : template);
  return permalink ? [expand(permalink), templateUrl] : [templateUrl];
}

/** A pretty URL and its `.html` twin: Jekyll wrote `x/index.html`, links often say `x.html`. */
function servedForms(urls: readonly string[]): string[] {
  return urls.flatMap((url) => (url.endsWith('/') && url !== '/' ? [url, `${url.slice(0, -1)}.html`] : [url]));
}

function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
