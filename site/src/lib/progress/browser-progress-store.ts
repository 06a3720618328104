import { createProgressStore, type ProgressStorage, type ProgressStore } from './progress-store';
import { PROGRESS_STORAGE_KEY } from './progress-state';

let store: ProgressStore | undefined;

/** localStorage, or null where the browser refuses it (blocked cookies throw on access). */
function localStorageOrNull(): ProgressStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const warn = (message: string, cause: unknown): void => {
  console.warn(message, cause);
};

/**
 * The page's one progress store, shared by all its islands so that ticking in one updates the
 * others at once. Other tabs' changes arrive through the `storage` event. Browser only.
 */
export function browserProgressStore(): ProgressStore {
  if (store) return store;
  const created = createProgressStore(localStorageOrNull(), warn);
  window.addEventListener('storage', (event) => {
    // key is null when another tab cleared all of storage.
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) created.reload();
  });
  store = created;
  return created;
}
