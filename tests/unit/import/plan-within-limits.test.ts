import { describe, expect, it } from 'vitest';
import type { ExistingContent } from '../../../scripts/import/import-plan.js';
import { planWithinLimits } from '../../../scripts/import/plan-within-limits.js';
import { payloadBytes } from '../../../scripts/import/size-limits.js';
import { PLACEHOLDER_DOCUMENT_ID, writeSteps } from '../../../scripts/import/write-steps.js';
import { pageDocument } from './page-document-fixture.js';

const NOTHING: ExistingContent = { modules: [], sections: [], pages: [] };
const LIMIT = 2_000;

describe('planWithinLimits', () => {
  it('keeps a run whose every write fits', () => {
    const { plan, errors } = planWithinLimits([pageDocument('a.md', 'a'), pageDocument('b.md', 'b')], NOTHING, LIMIT);
    expect(errors).toEqual([]);
    expect(plan.pages.map((page) => page.fields.slug)).toEqual(['a', 'b']);
  });

  it('leaves out a file whose page would be too large, and writes nothing for it', () => {
    const big = pageDocument('big.md', 'big', 'x'.repeat(LIMIT));
    const { plan, errors } = planWithinLimits([pageDocument('a.md', 'a'), big], NOTHING, LIMIT);
    expect(errors.map((error) => [error.file, error.message])).toEqual([
      [
        'big.md',
        expect.stringMatching(
          /^\[import\] big\.md: page partnerships\/big would be sent to Strapi as 2.2 KiB \(2,228 bytes\) of JSON, over the 2 KiB \(2,000 bytes\)/,
        ),
      ],
    ]);
    expect(plan.pages.map((page) => page.fields.slug)).toEqual(['a']);
    expect(plan.modules[0]?.files).toEqual(['a.md']);
  });

  it('plans a module and section only for files that fit: a lone oversized page leaves nothing', () => {
    const { plan, errors } = planWithinLimits([pageDocument('big.md', 'big', 'x'.repeat(LIMIT))], NOTHING, LIMIT);
    expect(errors).toHaveLength(1);
    expect([plan.modules, plan.sections, plan.pages]).toEqual([[], [], []]);
  });

  it('fails every file of a section whose outcomes are too large, and plans the section again without them', () => {
    const outcomes = ['o'.repeat(LIMIT)];
    const { plan, errors } = planWithinLimits([pageDocument('a.md', 'a', 'Hi', outcomes)], NOTHING, LIMIT);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining('section partnerships/what-is-a-partnership would be sent to Strapi'),
    ]);
    expect(plan.sections).toEqual([]);
  });

  it('measures the very body a write sends (with a 24-character documentId for the parent)', () => {
    const document = pageDocument('edge.md', 'edge');
    const [, , page] = writeSteps(planWithinLimits([document], NOTHING, LIMIT).plan);
    const bytes = payloadBytes(page?.data(PLACEHOLDER_DOCUMENT_ID) ?? {});
    expect(planWithinLimits([document], NOTHING, bytes).errors).toEqual([]);
    expect(planWithinLimits([document], NOTHING, bytes - 1).errors).toHaveLength(1);
  });
});
