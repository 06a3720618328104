import { z } from 'zod';
import { blocksSchema, checkVideo, RESOURCE_BOX_KINDS, SLUG_PATTERN, videoShape } from '@lm/shared';
import { importableUrlSchema } from './importable-url.js';

/**
 * What the importer produces for one Jekyll page, before anything is written to Strapi. The body
 * is sent to Strapi's REST API as it is, so every field here must already be valid for Strapi:
 * parsing against this schema is the last gate before writing.
 */

const slug = z.string().regex(SLUG_PATTERN, 'a slug is lower-case words joined by hyphens');
const text = z.string().min(1);

/** Something the importer changed or dropped, for the person running it to review. */
export const importWarningSchema = z.object({
  /** The source file, as given to the importer. */
  file: z.string(),
  /** 1-based line in the source file (front matter included), when known. */
  line: z.number().int().positive().optional(),
  /** What happened, e.g. `dropped <script> element`. */
  message: z.string().min(1),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** Strapi component `content.rich-text`: a run of ordinary prose. */
export const richTextInputSchema = z.object({
  __component: z.literal('content.rich-text'),
  /** Strapi Blocks JSON; never empty, empty runs are not emitted. */
  content: blocksSchema.min(1),
});
export type RichTextInput = z.infer<typeof richTextInputSchema>;

/** One line of a resource box, optionally linking somewhere. */
export const resourceItemInputSchema = z.object({
  text,
  /** Only web, mail or site-relative links; anything else was dropped with a warning. */
  url: importableUrlSchema.nullable(),
});
export type ResourceItemInput = z.infer<typeof resourceItemInputSchema>;

/** Strapi component `content.resource-box`: the highlighted `<div class="resources">` boxes. */
export const resourceBoxInputSchema = z.object({
  __component: z.literal('content.resource-box'),
  /** As written in the source (often ALL CAPS); the site decides how it looks. */
  title: text,
  intro: z.string().nullable(),
  /** Rich content (a callout's paragraphs and lists, in order); null for a box of items only. */
  content: blocksSchema.min(1).nullable(),
  /** How the site presents the items: questions to ask, a checklist, a list of links or a tip. */
  kind: z.enum(RESOURCE_BOX_KINDS),
  items: z.array(resourceItemInputSchema),
});
export type ResourceBoxInput = z.infer<typeof resourceBoxInputSchema>;

/** Strapi component `content.outcomes`: renders the section's outcomes at this place in the page. */
export const outcomesInputSchema = z.object({
  __component: z.literal('content.outcomes'),
  /** e.g. "Learning Outcomes For This Section". */
  heading: text,
  /** The bold line above the list, e.g. "After completing Section 2, ... you will be able to...". */
  lead: z.string().nullable(),
});
export type OutcomesInput = z.infer<typeof outcomesInputSchema>;

/** Strapi component `content.video`: an embedded YouTube or Vimeo video, stored as data. */
export const videoInputSchema = videoShape.extend({ __component: z.literal('content.video') });
export type VideoInput = z.infer<typeof videoInputSchema>;

/** One entry of the page's `body` dynamic zone, keyed by Strapi component uid. */
export const bodyInputSchema = z
  .discriminatedUnion('__component', [
    richTextInputSchema,
    resourceBoxInputSchema,
    outcomesInputSchema,
    videoInputSchema,
  ])
  // A union member must be a plain object, so the video's provider and id are checked as a pair here.
  .superRefine((block, context) => {
    if (block.__component === 'content.video') checkVideo(block, context);
  });
export type BodyInput = z.infer<typeof bodyInputSchema>;

/** Everything one Jekyll page yields: its module, its section and the page itself. */
export const pageDocumentSchema = z.object({
  /** The source file, as given to the importer. */
  file: z.string().min(1),
  module: z.object({
    /** From `module_name`, e.g. "partnerships". */
    slug,
    /** From `module_full_name`, e.g. "Community Partnerships". */
    title: text,
  }),
  section: z.object({
    /** The 2 of `section: 2. What is a Community Partnership?`. */
    number: z.number().int().nonnegative(),
    title: text,
    /** `slugify(title)`: sections have no slug in the front matter. */
    slug,
    /** One string per item of the page's outcomes list; empty when the page has none. */
    outcomes: z.array(text),
  }),
  page: z.object({
    /** The "2.0" of `title: 2.0 Overview`. */
    number: z.string().regex(/^\d+(?:\.\d+)*$/),
    /** The "Overview" of `title: 2.0 Overview`. */
    title: text,
    /** From `subsection`, e.g. "two-zero"; unique within the module. */
    slug,
    body: z.array(bodyInputSchema),
    /** Where the old site served the page (see jekyll-old-paths.ts); redirected to its new URL. */
    legacyPaths: z.array(z.string()),
  }),
  warnings: z.array(importWarningSchema),
});
export type PageDocument = z.infer<typeof pageDocumentSchema>;
