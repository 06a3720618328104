import axe from 'axe-core';
import { z } from 'zod';
import type { Page } from 'playwright-core';

/** One axe rule that failed, with the elements it failed on. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

const violationsSchema = z.array(
  z.object({
    id: z.string(),
    impact: z
      .string()
      .nullish()
      .transform((impact) => impact ?? null),
    help: z.string(),
    helpUrl: z.string(),
    nodes: z.array(
      z.object({
        // A target is a selector, or a list of them for an element inside a shadow root or frame.
        target: z.array(z.union([z.string(), z.array(z.string())])).transform((targets) => targets.flat()),
        failureSummary: z
          .string()
          .nullish()
          .transform((summary) => summary ?? ''),
      }),
    ),
  }),
);

/** The WCAG 2.1 A and AA rules (and those of 2.0 they include). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now and returns what failed. The source
 * is injected with `addScriptTag` content, which a strict CSP would block, so it is evaluated as a
 * script through the DevTools protocol instead (not subject to the page's CSP).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  const raw: unknown = await page.evaluate(async (tags) => {
    const runner: unknown = Reflect.get(window, 'axe');
    if (typeof runner !== 'object' || runner === null) throw new Error('[axe] axe-core did not load');
    const run: unknown = Reflect.get(runner, 'run');
    if (typeof run !== 'function') throw new Error('[axe] axe.run is missing');
    const results: unknown = await Reflect.apply(run, runner, [document, { runOnly: { type: 'tag', values: tags } }]);
    const violations: unknown =
      typeof results === 'object' && results !== null ? Reflect.get(results, 'violations') : null;
    return violations;
  }, WCAG_TAGS);
  return violationsSchema.parse(raw);
}

/** Readable lines for a failure message: rule, impact, help, each failing element and the help URL. */
export function formatViolations(violations: AxeViolation[], where = ''): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = violations.flatMap((violation) => [
    `${where} [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary.replace(/\s+/g, ' ')}`),
  ]);
  return lines.join('\n');
}
