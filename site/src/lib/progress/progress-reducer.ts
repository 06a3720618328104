import { normalizeList, type ProgressState } from './progress-state';

/** A change a learner makes. */
export type ProgressAction =
  | { type: 'page'; pageId: string; done: boolean }
  | { type: 'check'; key: string; checked: boolean }
  /** Adds everything in `from` (an import): nothing already done is undone. */
  | { type: 'merge'; from: ProgressState };

function withMember(list: readonly string[], member: string, present: boolean): readonly string[] {
  if (list.includes(member) === present) return list;
  return present ? normalizeList([...list, member]) : list.filter((entry) => entry !== member);
}

/** The progress after `action`; the same object when nothing changed, so islands skip a render. */
export function applyProgress(state: ProgressState, action: ProgressAction): ProgressState {
  switch (action.type) {
    case 'page': {
      const pages = withMember(state.pages, action.pageId, action.done);
      return pages === state.pages ? state : { ...state, pages };
    }
    case 'check': {
      const checks = withMember(state.checks, action.key, action.checked);
      return checks === state.checks ? state : { ...state, checks };
    }
    case 'merge': {
      const pages = normalizeList([...state.pages, ...action.from.pages]);
      const checks = normalizeList([...state.checks, ...action.from.checks]);
      const same = pages.length === state.pages.length && checks.length === state.checks.length;
      return same ? state : { ...state, pages, checks };
    }
  }
}
