import { PROGRESS_VERSION, parseProgressState, type ParsedProgress, type ProgressState } from './progress-state';

/** Names the files this site exports, so an unrelated JSON file is refused with a clear reason. */
export const PROGRESS_FILE_FORMAT = 'library-learning-progress';

/** The largest file an import reads; a real export of thousands of pages is far smaller. */
export const MAX_PROGRESS_FILE_BYTES = 2_000_000;

/** The JSON text of an export file. */
export function progressFileText(state: ProgressState, exportedAt: Date): string {
  const file = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: exportedAt.toISOString(),
    pages: state.pages,
    checks: state.checks,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The file name an export is saved under, dated so several exports do not overwrite each other. */
export function progressFileName(exportedAt: Date): string {
  return `learning-progress-${exportedAt.toISOString().slice(0, 10)}.json`;
}

/** Reads the text of a chosen file as an export of this site, or says why it is not one. */
export function parseProgressFile(text: string): ParsedProgress {
  if (text.length > MAX_PROGRESS_FILE_BYTES) return { ok: false, reason: 'the file is too large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if (typeof value !== 'object' || value === null || !('format' in value) || value.format !== PROGRESS_FILE_FORMAT) {
    return { ok: false, reason: 'the file is not a progress export from this site' };
  }
  const parsed = parseProgressState(value);
  return parsed.ok ? parsed : { ok: false, reason: `the file is damaged: ${parsed.reason}` };
}
