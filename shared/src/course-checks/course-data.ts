import { z } from 'zod';

/**
 * The course as the checks see it: plain data, one record per document (its draft, which is what
 * editors work on), with whether it has a published version and where that version hangs. The CMS
 * reads it through the document service, the `check:content` script through the REST API.
 */
export const checkedModuleSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  slug: z.string(),
  /** Whether the module has a published version. */
  published: z.boolean(),
});
export type CheckedModule = z.infer<typeof checkedModuleSchema>;

export const checkedSectionSchema = z.object({
  documentId: z.string(),
  number: z.number(),
  title: z.string(),
  /** The draft's module. */
  moduleId: z.string().nullable(),
  /** The published version's module: null when unpublished or published without one. */
  publishedModuleId: z.string().nullable(),
  published: z.boolean(),
  outcomeCount: z.number().int(),
});
export type CheckedSection = z.infer<typeof checkedSectionSchema>;

export const checkedPageSchema = z.object({
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  slug: z.string(),
  /** The draft's section. */
  sectionId: z.string().nullable(),
  /** The published version's section: null when unpublished or published without one. */
  publishedSectionId: z.string().nullable(),
  published: z.boolean(),
  /** Old addresses the site redirects to this page (a link to one of them still arrives). */
  legacyPaths: z.array(z.string()),
  /** The draft's body blocks; empty when the caller did not read them. */
  body: z.array(z.unknown()),
});
export type CheckedPage = z.infer<typeof checkedPageSchema>;

export const courseDataSchema = z.object({
  modules: z.array(checkedModuleSchema),
  sections: z.array(checkedSectionSchema),
  pages: z.array(checkedPageSchema),
});
export type CourseData = z.infer<typeof courseDataSchema>;
