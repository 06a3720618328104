import { useSyncExternalStore } from 'react';
import { browserProgressStore } from '../lib/progress/browser-progress-store';
import type { ProgressAction } from '../lib/progress/progress-reducer';
import { EMPTY_PROGRESS, type ProgressState } from '../lib/progress/progress-state';

const subscribe = (listener: () => void): (() => void) => browserProgressStore().subscribe(listener);
const getSnapshot = (): ProgressState => browserProgressStore().getSnapshot();
// The build knows nothing of a learner's progress; hydration starts from none, then reads storage.
const getServerSnapshot = (): ProgressState => EMPTY_PROGRESS;
const dispatch = (action: ProgressAction): void => {
  browserProgressStore().dispatch(action);
};

/** The learner's progress, re-rendering on every change (from any island or tab), and how to change it. */
export function useProgress(): [ProgressState, (action: ProgressAction) => void] {
  return [useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot), dispatch];
}

const noSubscription = (): (() => void) => () => undefined;

/**
 * False in the build's HTML and during hydration, true once the island runs: controls that need
 * JavaScript render only then, so a page without JavaScript never shows one that cannot work.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
