import { z } from 'zod';

/** Words in and out of one page, and what was dropped on the way. */
export const pageFidelitySchema = z.object({
  /** The source file. */
  file: z.string(),
  /** `module/page-slug`. */
  page: z.string(),
  /** Visible words of the source: after front matter, HTML comments and Liquid are removed. */
  sourceWords: z.number().int().nonnegative(),
  /** Words that reached the page's document (body, boxes, outcomes). */
  documentWords: z.number().int().nonnegative(),
  /** Each element dropped or changed, with its reason (and line when known). */
  dropped: z.array(z.string()),
});
export type PageFidelity = z.infer<typeof pageFidelitySchema>;

/** The fidelity of a whole run: per page and in total. */
export interface FidelityReport {
  pages: PageFidelity[];
  total: { pages: number; sourceWords: number; documentWords: number; dropped: number };
}

/** Sums the pages' counts. */
export function fidelityReport(pages: ReadonlyArray<PageFidelity>): FidelityReport {
  return {
    pages: [...pages],
    total: {
      pages: pages.length,
      sourceWords: pages.reduce((sum, page) => sum + page.sourceWords, 0),
      documentWords: pages.reduce((sum, page) => sum + page.documentWords, 0),
      dropped: pages.reduce((sum, page) => sum + page.dropped.length, 0),
    },
  };
}

/** The report as lines for the terminal: one per page, its drops indented below, then the total. */
export function formatFidelity(report: FidelityReport): string[] {
  const percent = (part: number, whole: number): string =>
    whole === 0 ? '100%' : `${Math.round((part / whole) * 100)}%`;
  const lines = ['[import] Fidelity (words in the source → words in the document)'];
  for (const page of report.pages) {
    lines.push(
      `  ${page.page}: ${page.sourceWords} → ${page.documentWords} (${percent(page.documentWords, page.sourceWords)})`,
    );
    for (const drop of page.dropped) lines.push(`    - ${drop}`);
  }
  const { total } = report;
  lines.push(
    `  total: ${total.pages} pages, ${total.sourceWords} → ${total.documentWords} words (${percent(total.documentWords, total.sourceWords)}), ${total.dropped} dropped or changed`,
  );
  return lines;
}
