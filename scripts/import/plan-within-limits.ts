import type { ImportError } from './import-error.js';
import { planImport, type ExistingContent, type ImportPlan } from './import-plan.js';
import type { PageDocument } from './page-document.js';
import { payloadBytes, payloadSizeError } from './size-limits.js';
import { PLACEHOLDER_DOCUMENT_ID, writeSteps } from './write-steps.js';

/**
 * Plans the run like {@link planImport}, then measures every write's JSON body against
 * `payloadLimit` before anything is written. A file whose page (or section, or module) would be
 * too large is left out with an error naming it, the size and the limit, and the rest is planned
 * again without it: its module and section may then change (another page's outcomes, or none) or
 * not be needed at all. Pure.
 */
export function planWithinLimits(
  documents: ReadonlyArray<PageDocument>,
  existing: ExistingContent,
  payloadLimit: number,
): { plan: ImportPlan; errors: ImportError[] } {
  const errors: ImportError[] = [];
  let remaining = [...documents];
  for (;;) {
    const plan = planImport(remaining, existing);
    const tooLarge = new Map<string, ImportError>();
    for (const step of writeSteps(plan)) {
      const bytes = payloadBytes(step.data(step.parentKey === null ? null : PLACEHOLDER_DOCUMENT_ID));
      for (const file of step.files) {
        const error = payloadSizeError(file, step.collection, step.label, bytes, payloadLimit);
        if (error && !tooLarge.has(file)) tooLarge.set(file, error);
      }
    }
    if (tooLarge.size === 0) return { plan, errors };
    errors.push(...tooLarge.values());
    remaining = remaining.filter((document) => !tooLarge.has(document.file));
  }
}
