/**
 * What the browser remembers of a learner's progress: completed pages and ticked checklist items.
 * It lives in localStorage only (no account, nothing sent anywhere). The shape is checked by hand
 * rather than with zod, because this module ships to the browser and zod would double the size of
 * the islands' own code.
 */

/** The one localStorage key; the version inside the value says how to read it. */
export const PROGRESS_STORAGE_KEY = 'lm-progress';

/** The version of the stored shape; a value with another version is ignored, never misread. */
export const PROGRESS_VERSION = 1;

/** How many entries a stored or imported value may hold, so a huge file cannot freeze the page. */
export const MAX_ENTRIES = 20_000;

/** A Strapi documentId: it stays the same across re-publishes and releases. */
const PAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A checklist item: its page's documentId and a hash of the box title and item text. */
const CHECK_KEY = /^[A-Za-z0-9_-]{1,64}:[0-9a-z]{1,16}$/;

export interface ProgressState {
  version: typeof PROGRESS_VERSION;
  /** documentIds of the pages marked complete, sorted, no duplicates. */
  pages: readonly string[];
  /** Keys of the ticked checklist items (see checklistItemKey), sorted, no duplicates. */
  checks: readonly string[];
}

/** No progress at all: what a new learner, or a page without JavaScript, starts from. */
export const EMPTY_PROGRESS: ProgressState = { version: PROGRESS_VERSION, pages: [], checks: [] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The list under `name` when every entry matches `pattern`, else why not. */
function listOf(value: Record<string, unknown>, name: string, pattern: RegExp): string[] | string {
  const list = value[name];
  if (!Array.isArray(list)) return `"${name}" is not a list`;
  if (list.length > MAX_ENTRIES) return `"${name}" has more than ${MAX_ENTRIES} entries`;
  const strings: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string' || !pattern.test(entry)) return `"${name}" holds an entry that is not an id`;
    strings.push(entry);
  }
  return normalizeList(strings);
}

/** Sorted and without duplicates, so equal progress always serializes the same. */
export function normalizeList(list: Iterable<string>): string[] {
  return [...new Set(list)].sort();
}

/** The result of reading a value: the progress, or why it is not progress. */
export type ParsedProgress = { ok: true; state: ProgressState } | { ok: false; reason: string };

/** Reads a value (already JSON-parsed) as progress, checking every field. */
export function parseProgressState(value: unknown): ParsedProgress {
  if (!isRecord(value)) return { ok: false, reason: 'it is not an object' };
  if (value.version !== PROGRESS_VERSION) return { ok: false, reason: `its version is not ${PROGRESS_VERSION}` };
  const pages = listOf(value, 'pages', PAGE_ID);
  if (typeof pages === 'string') return { ok: false, reason: pages };
  const checks = listOf(value, 'checks', CHECK_KEY);
  if (typeof checks === 'string') return { ok: false, reason: checks };
  return { ok: true, state: { version: PROGRESS_VERSION, pages, checks } };
}
