import { z } from 'zod';
import { blocksSchema, safeUrlSchema } from './blocks.js';
import { RESOURCE_BOX_KINDS } from './resource-box-kinds.js';
import { legacyPathProblem } from './legacy-paths.js';
import { SLUG_PATTERN } from './slug.js';
import { checkVideo, videoShape } from './video.js';

export * from './legacy-paths.js';
export * from './video.js';

/**
 * The published content as the site reads it from Strapi's GraphQL API. The loaders validate each
 * document against these schemas, so a malformed entry fails the build with its name instead of
 * rendering half a page.
 */

const slug = z.string().regex(SLUG_PATTERN, 'a slug is lower-case words joined by hyphens');

/** A pointer to a related document; Strapi returns null when the related one is not published. */
const ref = <T extends z.ZodRawShape>(shape: T) => z.object({ documentId: z.string(), ...shape }).nullable();

export const moduleEntrySchema = z.object({
  documentId: z.string(),
  /** Shown to readers, e.g. "Community Partnerships". */
  title: z.string().min(1),
  /** The `{module}` part of `/modules/{module}/`. */
  slug,
  summary: z.string().nullable(),
  /** Position on the home page; ties break by title. */
  order: z.number().int().nullable(),
  icon: z.object({ url: z.string(), alternativeText: z.string().nullable() }).nullable(),
});
export type ModuleEntry = z.infer<typeof moduleEntrySchema>;

export const outcomeSchema = z.object({
  id: z.string(),
  /** "Describe the ways that partnerships can benefit libraries". */
  text: z.string().min(1),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const sectionEntrySchema = z.object({
  documentId: z.string(),
  /** The 2 of "2. What is a Community Partnership?". */
  number: z.number().int(),
  title: z.string().min(1),
  slug,
  intro: z.string().nullable(),
  /** In the order the editor gave them. */
  outcomes: z.array(outcomeSchema.nullable()).transform((items) => items.filter((item) => item !== null)),
  module: ref({ slug }),
});
export type SectionEntry = z.infer<typeof sectionEntrySchema>;

export const richTextBlockSchema = z.object({
  __typename: z.literal('ComponentContentRichText'),
  id: z.string(),
  content: blocksSchema,
});

export const resourceItemSchema = z.object({
  id: z.string(),
  text: z.string().min(1),
  url: safeUrlSchema.nullable(),
});

export const resourceBoxBlockSchema = z.object({
  __typename: z.literal('ComponentContentResourceBox'),
  id: z.string(),
  title: z.string().min(1),
  intro: z.string().nullable(),
  /** The box's `content` (aliased in the query): rich text under the title; null for item-only boxes. */
  richContent: blocksSchema.nullable(),
  /** How the box looks; see RESOURCE_BOX_KINDS. */
  kind: z.enum(RESOURCE_BOX_KINDS),
  items: z.array(resourceItemSchema.nullable()).transform((items) => items.filter((item) => item !== null)),
});
export type ResourceBoxBlock = z.infer<typeof resourceBoxBlockSchema>;

export const outcomesBlockSchema = z.object({
  __typename: z.literal('ComponentContentOutcomes'),
  id: z.string(),
  heading: z.string().min(1),
  lead: z.string().nullable(),
});
export type OutcomesBlock = z.infer<typeof outcomesBlockSchema>;

export const videoBlockSchema = videoShape.extend({
  __typename: z.literal('ComponentContentVideo'),
  id: z.string(),
});
export type VideoBlock = z.infer<typeof videoBlockSchema>;

export const bodyBlockSchema = z
  .discriminatedUnion('__typename', [
    richTextBlockSchema,
    resourceBoxBlockSchema,
    outcomesBlockSchema,
    videoBlockSchema,
  ])
  // A union member must be a plain object, so the video's provider and id are checked as a pair here.
  .superRefine((block, context) => {
    if (block.__typename === 'ComponentContentVideo') checkVideo(block, context);
  });
export type BodyBlock = z.infer<typeof bodyBlockSchema>;

export const pageEntrySchema = z.object({
  documentId: z.string(),
  /** "2.0" of "2.0 Overview". */
  number: z.string().regex(/^\d+(?:\.\d+)*$/),
  title: z.string().min(1),
  /** The `{page}` part of `/modules/{module}/{page}/`, unique within its module. */
  slug,
  updatedAt: z.string().nullable(),
  seo: z.object({ metaTitle: z.string().nullable(), metaDescription: z.string().nullable() }).nullable(),
  /** Only a reference: the section's own entry holds its number, title and module. */
  section: ref({}),
  body: z.array(bodyBlockSchema.nullable()).transform((items) => items.filter((item) => item !== null)),
  /**
   * Paths the page had before (on the old Jekyll site, or before a slug change), which redirect to
   * its current URL. Checked again here: a path that slipped past the CMS is dropped, not served.
   */
  legacyPaths: z
    .array(z.object({ path: z.string() }).nullable())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((item) => (item !== null && legacyPathProblem(item.path) === null ? [item] : [])),
    ),
});
export type PageEntry = z.infer<typeof pageEntrySchema>;
