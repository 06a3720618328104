import { z } from 'zod';

/** The four Lighthouse categories the audit reports, in table order. */
export const CATEGORIES = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
] as const satisfies readonly string[];
export type Category = (typeof CATEGORIES)[number];

/** What one Lighthouse run measured on one page. */
export interface RunMeasure {
  /** Category scores, 0 to 100; null when Lighthouse could not score a category. */
  scores: Record<Category, number | null>;
  /** Bytes over the network for the whole page load. */
  transferBytes: number;
  /** Of which JavaScript. */
  scriptBytes: number;
  /** Weighted audits that did not pass, as `category: audit id (title)`: why a score is under 100. */
  failing: string[];
}

const score = z.object({
  score: z.number().nullable(),
  auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })),
});
const auditSchema = z.object({ title: z.string(), score: z.number().nullable() });
const lhrSchema = z.object({
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  categories: z.object({
    performance: score,
    accessibility: score,
    'best-practices': score,
    seo: score,
  }),
  audits: z.record(z.string(), auditSchema).and(
    z.object({
      'resource-summary': z.object({
        details: z.object({
          items: z.array(z.object({ resourceType: z.string(), transferSize: z.number() })),
        }),
      }),
    }),
  ),
});

/**
 * Reads the scores and byte counts of one Lighthouse result (the `lhr` object). The bytes come from
 * the `resource-summary` audit: its `total` row and its `script` row.
 */
export function readLighthouseResult(lhr: unknown): RunMeasure {
  const parsed = lhrSchema.safeParse(lhr);
  if (!parsed.success) throw new Error('[audit] unexpected Lighthouse result', { cause: parsed.error });
  const result = parsed.data;
  if (result.runtimeError) {
    throw new Error(`[audit] Lighthouse failed: ${result.runtimeError.code} ${result.runtimeError.message}`);
  }
  const bytesOf = (type: string): number =>
    result.audits['resource-summary'].details.items.find((item) => item.resourceType === type)?.transferSize ?? 0;
  const toPercent = (value: number | null): number | null => (value === null ? null : Math.round(value * 100));
  return {
    scores: {
      performance: toPercent(result.categories.performance.score),
      accessibility: toPercent(result.categories.accessibility.score),
      'best-practices': toPercent(result.categories['best-practices'].score),
      seo: toPercent(result.categories.seo.score),
    },
    transferBytes: bytesOf('total'),
    scriptBytes: bytesOf('script'),
    failing: CATEGORIES.flatMap((category) =>
      result.categories[category].auditRefs.flatMap((ref) => {
        const audit = result.audits[ref.id];
        // Weightless audits (informative, not applicable) do not move the score.
        return ref.weight > 0 && audit?.score !== null && audit !== undefined && audit.score < 1
          ? [`${category}: ${ref.id} (${audit.title})`]
          : [];
      }),
    ),
  };
}
