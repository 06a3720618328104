import matter from 'gray-matter';
import type { Nodes, Root } from 'hast';
import { z } from 'zod';
import { iframesToVideos } from './iframe-to-video.js';
import { ImportError } from './import-error.js';
import { mapLines, markdownToHast } from './markdown-to-hast.js';
import type { ImportWarning } from './page-document.js';
import { prepareKramdown, type SiteValues } from './prepare-kramdown.js';
import { sanitizeHast } from './sanitize-hast.js';

/** The front matter a course-in-a-box post may carry; other keys are ignored. */
export const cibFrontMatterSchema = z.object({
  /** The page title; the file name stands in when it is missing. */
  title: z.union([z.string(), z.number()]).transform(String).nullish(),
  /** `sectionHead` among them opens a new section. */
  tags: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).nullish(),
  /** `false` keeps the page off the old site, and out of the import. */
  published: z.boolean().nullish(),
  /** Where Jekyll served the page instead of the template's URL. */
  permalink: z.string().nullish(),
});

/** One post read and parsed, not yet placed in a section nor converted. */
export interface CibPost {
  file: string;
  title: string;
  sectionHead: boolean;
  published: boolean;
  permalink: string | null;
  /** Sanitized, with file line numbers; links still as written. */
  tree: Root;
  /** Words a reader of the old site saw: visible text, without comments and Liquid. */
  sourceWords: number;
  /** Kramdown attribute lists removed. */
  attributeLists: number;
  warnings: ImportWarning[];
}

/** Front matter and body of any Jekyll file, refusing executable front matter. */
export function parseFrontMatterLoosely(
  file: string,
  source: string,
): { data: unknown; content: string; lineOffset: number } {
  const refuse = (): never => {
    throw new Error('front matter must be YAML; JavaScript front matter is not accepted');
  };
  try {
    const parsed = matter(source, { engines: { javascript: refuse, coffee: refuse } });
    const prefix = source.endsWith(parsed.content) ? source.slice(0, source.length - parsed.content.length) : '';
    return { data: parsed.data, content: parsed.content, lineOffset: prefix.split('\n').length - 1 };
  } catch (error) {
    throw new ImportError(file, 'front matter is not valid YAML; fix the block between the --- lines', {
      cause: error,
    });
  }
}

/**
 * Reads one course-in-a-box post as Jekyll rendered it (kramdown, Liquid `site.*`), sanitized.
 * HTML comments are dropped with a warning quoting what they hid, since authors often park
 * content in them.
 * @throws ImportError when the front matter is not valid
 */
export function parseCibPost(file: string, source: string, fallbackTitle: string, site: SiteValues): CibPost {
  const { data, content, lineOffset } = parseFrontMatterLoosely(file, source);
  const result = cibFrontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `"${issue.path.join('.')}" ${issue.message}`).join('; ');
    throw new ImportError(file, `front matter: ${problems}; title and permalink are text, tags a list`, {
      cause: result.error,
    });
  }
  const frontMatter = result.data;
  const prepared = prepareKramdown(file, content, site, lineOffset);
  const raw = markdownToHast(prepared.markdown);
  mapLines(raw, prepared.lineOf);
  const warnings = [...prepared.warnings];
  visitComments(raw, (value, line) => {
    const hidden = value.replace(/\s+/g, ' ').trim();
    if (hidden === '') return;
    warnings.push({
      file,
      ...(line === undefined ? {} : { line }),
      message: `dropped HTML comment: it hid "${hidden.length > 80 ? `${hidden.slice(0, 80)}…` : hidden}"`,
    });
  });
  const embeds = iframesToVideos(raw, file);
  const sanitized = sanitizeHast(embeds.tree, file);
  const tags = frontMatter.tags ?? [];
  return {
    file,
    title: frontMatter.title?.trim() || fallbackTitle,
    sectionHead: (typeof tags === 'string' ? tags.split(/\s+/) : tags.map(String)).includes('sectionHead'),
    published: frontMatter.published !== false,
    permalink: frontMatter.permalink ?? null,
    tree: sanitized.tree,
    sourceWords: countWords(visibleText(raw)),
    attributeLists: prepared.attributeLists,
    warnings: [...warnings, ...embeds.warnings, ...sanitized.warnings],
  };
}

/** Visible text of a tree: text nodes joined by spaces; comments, scripts and styles left out. */
export function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && ['script', 'style', 'template'].includes(node.tagName)) return '';
  return 'children' in node ? node.children.map(visibleText).join(' ') : '';
}

/** Words as a reader counts them: runs of letters or digits, apostrophes and hyphens inside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function visitComments(node: Nodes, found: (value: string, line: number | undefined) => void): void {
  if (node.type === 'comment') found(node.value, node.position?.start.line);
  if ('children' in node) for (const child of node.children) visitComments(child, found);
}
