import { applyProgress, type ProgressAction } from './progress-reducer';
import { EMPTY_PROGRESS, PROGRESS_STORAGE_KEY, parseProgressState, type ProgressState } from './progress-state';

/** The part of the Web Storage API the store uses; localStorage in a browser. */
export interface ProgressStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

/** Where the store reports data it cannot read or write; console.warn in a browser. */
export type Warn = (message: string, cause: unknown) => void;

/** Progress shared by every island on a page: read once, changed by dispatch, watched by subscribe. */
export interface ProgressStore {
  /** The current progress; the same object until something changes (as useSyncExternalStore needs). */
  getSnapshot: () => ProgressState;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe: (listener: () => void) => () => void;
  dispatch: (action: ProgressAction) => void;
  /** Reads storage again: another tab changed it (the `storage` event). */
  reload: () => void;
}

/** The stored progress, or none when the value is missing, unreadable or of another version. */
export function readStoredProgress(storage: ProgressStorage | null, warn: Warn): ProgressState {
  let text: string | null = null;
  try {
    text = storage?.getItem(PROGRESS_STORAGE_KEY) ?? null;
  } catch (error) {
    warn('[progress] Could not read saved progress; starting from none.', error);
  }
  if (text === null) return EMPTY_PROGRESS;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    warn('[progress] Saved progress is not JSON; ignoring it.', error);
    return EMPTY_PROGRESS;
  }
  const parsed = parseProgressState(value);
  if (parsed.ok) return parsed.state;
  warn(`[progress] Saved progress is ignored: ${parsed.reason}.`, value);
  return EMPTY_PROGRESS;
}

/**
 * A store over `storage` (null when the browser refuses storage: progress then lasts until the
 * page is left). A failed write (storage full, private mode) keeps the change in memory and warns.
 */
export function createProgressStore(storage: ProgressStorage | null, warn: Warn): ProgressStore {
  let state = readStoredProgress(storage, warn);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (action) => {
      const next = applyProgress(state, action);
      if (next === state) return;
      state = next;
      try {
        storage?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(state));
      } catch (error) {
        warn('[progress] Could not save progress; it lasts until this page is closed.', error);
      }
      notify();
    },
    reload: () => {
      state = readStoredProgress(storage, warn);
      notify();
    },
  };
}
