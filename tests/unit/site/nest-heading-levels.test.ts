import { describe, expect, it } from 'vitest';
import type { Blocks } from '@lm/shared';
import { nestHeadingLevels } from '../../../site/src/lib/nest-heading-levels.js';

const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, text = `h${level}`): Blocks[number] => ({
  type: 'heading',
  level,
  children: [{ type: 'text', text }],
});
const paragraph: Blocks[number] = { type: 'paragraph', children: [{ type: 'text', text: 'Words.' }] };
const levels = (blocks: Blocks): number[] => blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : []));

describe('nestHeadingLevels', () => {
  it('lifts an opening h4 (the old theme’s habit) to h2 and keeps what follows nested', () => {
    expect(levels(nestHeadingLevels([heading(4), paragraph, heading(5), heading(4)]))).toEqual([2, 3, 2]);
  });

  it('turns an h1 in the body into an h2: the page title is the only h1', () => {
    expect(levels(nestHeadingLevels([heading(1), heading(2)]))).toEqual([2, 3]);
  });

  it('closes skipped levels but lets headings go back up any number of levels', () => {
    expect(levels(nestHeadingLevels([heading(2), heading(3), heading(6), heading(2), heading(5)]))).toEqual([
      2, 3, 4, 2, 3,
    ]);
  });

  it('leaves well-nested headings, their text and other blocks untouched', () => {
    const blocks: Blocks = [heading(2, 'Why'), paragraph, heading(3, 'How')];
    const result = nestHeadingLevels(blocks);
    expect(result).toEqual(blocks);
    expect(result[1]).toBe(paragraph);
  });
});
