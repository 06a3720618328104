import type { BlockNode, Blocks } from '@lm/shared';

type HeadingLevel = Extract<BlockNode, { type: 'heading' }>['level'];
const LEVELS: readonly HeadingLevel[] = [1, 2, 3, 4, 5, 6];

/**
 * Returns the blocks with heading levels that nest under the page's own `<h1>`: the outermost
 * headings become `<h2>`, and each heading sits one level below the nearest earlier heading that
 * was written at a higher level, so the outline the author meant is kept without skipped levels.
 * Imported pages often open with `####` because the old theme styled it smaller; screen-reader
 * users navigate by heading level, and a jump from h1 to h4 reads as missing sections (axe and
 * Lighthouse flag it as heading-order). Going back up is always fine, so every rich text block can
 * start afresh below the page title, whatever came before it.
 */
export function nestHeadingLevels(blocks: Blocks): Blocks {
  // The open headings: the level each was written at and the level it is shown at.
  const open: { written: number; shown: HeadingLevel }[] = [];
  return blocks.map((block) => {
    if (block.type !== 'heading') return block;
    while ((open.at(-1)?.written ?? 0) >= block.level) open.pop();
    const wanted = (open.at(-1)?.shown ?? 1) + 1;
    const level = LEVELS.find((candidate) => candidate === wanted) ?? 6;
    open.push({ written: block.level, shown: level });
    return level === block.level ? block : { ...block, level };
  });
}
