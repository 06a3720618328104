import { z } from 'zod';

/** One problem the course checks found, where an editor can fix it. */
export const courseIssueSchema = z.object({
  /**
   * Dotted path of the field in the entry's edit form (`number`, `slug`, `body.2.items`), so the
   * admin can mark the field; null when the problem is not one field's.
   */
  path: z.string().nullable(),
  /** What is wrong and how to fix it, naming the module, section and page. */
  message: z.string(),
  /** The entry the problem belongs to; null when it belongs to none. */
  documentId: z.string().nullable(),
});
export type CourseIssue = z.infer<typeof courseIssueSchema>;

/**
 * What the course checks found: errors refuse a publish (and a save, where the rule applies),
 * warnings are shown to the editor and block nothing.
 */
export const courseCheckReportSchema = z.object({
  errors: z.array(courseIssueSchema),
  warnings: z.array(courseIssueSchema),
});
export type CourseCheckReport = z.infer<typeof courseCheckReportSchema>;

/** Where the admin asks for one entry's report (an admin route of the CMS), by type and documentId. */
export const entryCourseChecksPath = (uid: string, documentId: string): string =>
  `/lm/course-checks/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`;
