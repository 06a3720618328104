import matter from 'gray-matter';
import { z } from 'zod';
import { SLUG_PATTERN, slugify } from '@lm/shared';
import { ImportError } from './import-error.js';
import { parsePageTitle, parseSectionTitle } from './parse-numbered-title.js';

/** What a readable error says each key must look like, and an example to copy. */
const EXPECTED: Record<string, { shape: string; example: string }> = {
  layout: { shape: 'be text', example: 'module' },
  title: { shape: 'look like "2.0 Page title"', example: '2.0 Overview' },
  module_name: { shape: 'be a slug (lower-case words joined by hyphens)', example: 'partnerships' },
  module_full_name: { shape: 'be non-empty text', example: 'Community Partnerships' },
  section: { shape: 'look like "2. Section title"', example: '2. What is a Community Partnership?' },
  subsection: { shape: 'be a slug (lower-case words joined by hyphens)', example: 'two-zero' },
  permalink: { shape: 'be a path', example: '/modules/partnerships/two-zero/' },
  redirect_from: { shape: 'be a path or a list of paths', example: '/partnerships/overview.html' },
};

const OPTIONAL_KEYS = new Set(['layout', 'permalink', 'redirect_from']);
const REQUIRED_KEYS = Object.keys(EXPECTED).filter((key) => !OPTIONAL_KEYS.has(key));

const slug = z.string().trim().regex(SLUG_PATTERN);

/**
 * The Jekyll front matter of one page, mapped onto the content model. Unknown keys are ignored:
 * Jekyll pages carry many that mean nothing here. `permalink` and `redirect_from` are kept since
 * they decided where the old site served the page, which becomes the page's old addresses.
 */
export const frontMatterSchema = z
  .object({
    /** Jekyll layout, e.g. "module"; not used, but must be text if present. */
    layout: z.string().nullish(),
    /** "2.0 Overview": page number and page title. */
    title: z.string().transform((value, context) => parsePageTitle(value) ?? failed(context)),
    /** Module slug, e.g. "partnerships". */
    module_name: slug,
    /** Module title, e.g. "Community Partnerships". */
    module_full_name: z.string().trim().min(1),
    /** "2. What is a Community Partnership?": section number and section title. */
    section: z.string().transform((value, context) => parseSectionTitle(value) ?? failed(context)),
    /** Page slug, e.g. "two-zero". */
    subsection: slug,
    /** Where Jekyll wrote the page instead of its default URL, e.g. "/modules/partnerships/two-zero/". */
    permalink: z.string().nullish(),
    /** jekyll-redirect-from: paths the old site redirected to this page. */
    redirect_from: z.union([z.string(), z.array(z.string())]).nullish(),
  })
  .transform((data) => ({
    layout: data.layout ?? undefined,
    permalink: data.permalink ?? undefined,
    redirectFrom: typeof data.redirect_from === 'string' ? [data.redirect_from] : (data.redirect_from ?? []),
    module: { slug: data.module_name, title: data.module_full_name },
    section: { ...data.section, slug: slugify(data.section.title) },
    page: { ...data.title, slug: data.subsection },
  }));
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** Front matter plus the Markdown after it. */
export interface ParsedSource {
  frontMatter: FrontMatter;
  /** The Markdown body, without the front matter. */
  content: string;
  /** How many source lines precede `content`: add it to a body line to get the file's line. */
  lineOffset: number;
}

function failed(context: z.RefinementCtx): never {
  // The message is written by describeIssue from the key and raw value; this only marks failure.
  context.addIssue({ code: z.ZodIssueCode.custom, message: 'does not parse' });
  return z.NEVER;
}

// gray-matter would eval `---js` front matter: a Markdown file must never run code on import.
const refuseCode = (): never => {
  throw new Error('front matter must be YAML; JavaScript front matter is not accepted');
};

/**
 * Reads the YAML front matter of a Jekyll page and checks it against the content model.
 * @throws ImportError naming the file, the key and what it must look like
 */
export function parseFrontMatter(file: string, source: string): ParsedSource {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which is keyed by content and shared.
    parsed = matter(source, { engines: { javascript: refuseCode, coffee: refuseCode } });
  } catch (error) {
    const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:$/, '');
    throw new ImportError(file, `front matter is not valid YAML (${reason}); fix the block between the --- lines`, {
      cause: error,
    });
  }
  const data: unknown = parsed.data;
  if (parsed.matter.trim() === '') {
    throw new ImportError(
      file,
      `has no front matter; start the file with a --- block holding ${REQUIRED_KEYS.join(', ')}`,
    );
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const problems = [...new Set(result.error.issues.map((issue) => describeIssue(issue.path, data)))];
    const message =
      problems.length === 1
        ? problems.join('')
        : `${problems.length} front matter problems:\n- ${problems.join('\n- ')}`;
    throw new ImportError(file, message, { cause: result.error });
  }
  const content = parsed.content;
  const prefix = source.endsWith(content) ? source.slice(0, source.length - content.length) : '';
  return { frontMatter: result.data, content, lineOffset: prefix.split('\n').length - 1 };
}

function describeIssue(path: ReadonlyArray<string | number>, data: unknown): string {
  const key = String(path[0] ?? '');
  const expected = EXPECTED[key];
  if (!expected) return `front matter is not a set of "key: value" lines`;
  const value: unknown =
    typeof data === 'object' && data !== null ? Object.entries(data).find(([name]) => name === key)?.[1] : undefined;
  if (value === undefined || value === null) {
    return `front matter key "${key}" is missing (add a line like ${key}: ${expected.example})`;
  }
  return `front matter key "${key}" must ${expected.shape}, got ${JSON.stringify(value)} (for example ${key}: ${expected.example})`;
}
