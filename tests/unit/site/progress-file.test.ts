import { describe, expect, it } from 'vitest';
import {
  MAX_PROGRESS_FILE_BYTES,
  parseProgressFile,
  progressFileName,
  progressFileText,
} from '../../../site/src/lib/progress/progress-file.js';
import type { ProgressState } from '../../../site/src/lib/progress/progress-state.js';

const exportedAt = new Date('2026-03-04T05:06:07Z');
const progress: ProgressState = { version: 1, pages: ['a', 'b'], checks: ['a:1z'] };

describe('exporting progress', () => {
  it('writes a dated file that imports back to the same progress', () => {
    expect(progressFileName(exportedAt)).toBe('learning-progress-2026-03-04.json');
    const text = progressFileText(progress, exportedAt);
    expect(JSON.parse(text)).toMatchObject({ format: 'library-learning-progress', exportedAt: '2026-03-04T05:06:07.000Z' });
    expect(parseProgressFile(text)).toEqual({ ok: true, state: progress });
  });
});

describe('importing a file', () => {
  const file = (fields: Record<string, unknown>): string =>
    JSON.stringify({ format: 'library-learning-progress', version: 1, pages: [], checks: [], ...fields });

  it.each([
    ['a file that is not JSON', 'pages: a, b', 'the file is not JSON'],
    ['JSON of something else', '{"name":"package"}', 'the file is not a progress export from this site'],
    ['a JSON list', '[]', 'the file is not a progress export from this site'],
    ['an export of a later version', file({ version: 2 }), 'the file is damaged: its version is not 1'],
    ['an export with a damaged list', file({ checks: [42] }), 'the file is damaged: "checks" holds an entry that is not an id'],
    ['a file too large', ' '.repeat(MAX_PROGRESS_FILE_BYTES + 1), 'the file is too large'],
  ])('refuses %s, saying why', (_name, text, reason) => {
    expect(parseProgressFile(text)).toEqual({ ok: false, reason });
  });
});
