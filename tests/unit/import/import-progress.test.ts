import { describe, expect, it } from 'vitest';
import { plainProgress, progressLine, type ImportPhase } from '../../../scripts/import/import-progress.js';

describe('progressLine', () => {
  it.each<[ImportPhase, number, number, string]>([
    ['reading', 0, 6, '[import] reading    0/6 (0%)'],
    ['writing', 250, 1000, '[import] writing     250/1000 (25%)'],
    ['publishing', 1000, 1000, '[import] publishing 1000/1000 (100%)'],
    ['uploading', 0, 0, '[import] uploading  0/0 (100%)'],
  ])('%s %i/%i', (phase, done, total, line) => {
    expect(progressLine(phase, done, total)).toBe(line);
  });
});

describe('plainProgress', () => {
  it.each([
    {
      name: '1,000 writes in 5 s: a line at the start, every 2 s, and at the end',
      total: 1000,
      msPerItem: 5,
      expected: [0, 400, 800, 1000],
    },
    { name: 'a fast phase: start and end only', total: 50, msPerItem: 1, expected: [0, 50] },
  ])('$name', ({ total, msPerItem, expected }) => {
    let clock = 0;
    const lines: string[] = [];
    const progress = plainProgress((line) => lines.push(line), { intervalMs: 2000, now: () => clock });
    progress.start('writing', total);
    for (let index = 0; index < total; index += 1) {
      clock += msPerItem;
      progress.advance('writing');
    }
    expect(lines.map((line) => Number(/(\d+)\/\d+/.exec(line)?.[1]))).toEqual(expected);
  });
});
