import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { z } from 'zod';

const violationsSchema = z.array(
  z.object({
    id: z.string(),
    help: z.string(),
    nodes: z.array(z.object({ target: z.array(z.string()) })),
  }),
);

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now, one line per failing rule with the
 * elements it failed on (empty when the page passes). For tests outside tests/e2e, which are
 * compiled without the DOM's types: the code run in the page is given as text, so it needs none.
 * (tests/e2e/helpers/axe.ts is the same check for the browser tests.)
 */
export async function axeViolationsOf(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axe.source);
  const raw: unknown = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((results) => results.violations)`,
  );
  return violationsSchema
    .parse(raw)
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}
