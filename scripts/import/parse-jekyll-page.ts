import { iframesToVideos } from './iframe-to-video.js';
import { ImportError } from './import-error.js';
import { hastToBody } from './hast-to-body.js';
import { jekyllOldPaths } from './jekyll-old-paths.js';
import { markdownToHast } from './markdown-to-hast.js';
import { pageDocumentSchema, type ImportWarning, type PageDocument } from './page-document.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { sanitizeHast } from './sanitize-hast.js';

/**
 * Turns one Jekyll page into the module, section and page it describes, with warnings for what
 * was dropped or changed. Pure: reads nothing, writes nothing.
 * @param file the file's path, used only in messages
 * @param source the file's whole text, front matter included
 * @throws ImportError when the front matter is wrong or the result would not be valid for Strapi
 */
export function parseJekyllPage(file: string, source: string): PageDocument {
  const { frontMatter, content, lineOffset } = parseFrontMatter(file, source);
  const embeds = iframesToVideos(markdownToHast(content, lineOffset), file);
  const sanitized = sanitizeHast(embeds.tree, file);
  const converted = hastToBody(sanitized.tree, file);
  const warnings: ImportWarning[] = [...embeds.warnings, ...sanitized.warnings, ...converted.warnings];
  const pageNumber = frontMatter.page.number.split('.')[0];
  if (pageNumber !== String(frontMatter.section.number)) {
    warnings.push({
      file,
      message: `page number ${frontMatter.page.number} does not start with section number ${frontMatter.section.number}; check "title" and "section"`,
    });
  }
  const oldPaths = jekyllOldPaths({
    file,
    moduleSlug: frontMatter.module.slug,
    pageSlug: frontMatter.page.slug,
    permalink: frontMatter.permalink,
    redirectFrom: frontMatter.redirectFrom,
  });
  for (const reason of oldPaths.dropped) warnings.push({ file, message: `old address not kept: ${reason}` });
  const document = {
    file,
    module: frontMatter.module,
    section: { ...frontMatter.section, outcomes: converted.outcomes },
    page: { ...frontMatter.page, body: converted.body, legacyPaths: oldPaths.paths },
    // By line, so the person reviewing them can walk through the file top to bottom.
    warnings: warnings.sort((left, right) => (left.line ?? 0) - (right.line ?? 0)),
  };
  // The last gate before anything is written: a converter bug fails here, not in Strapi.
  const result = pageDocumentSchema.safeParse(document);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ImportError(
      file,
      `the converted page is not valid for Strapi (${problems}); please report this with the file`,
      {
        cause: result.error,
      },
    );
  }
  return result.data;
}
